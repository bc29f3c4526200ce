# ZGW server: TypeScript run by tsx (a runtime dependency), no build step.
#   docker build -t zgw .
#   docker run -p 8000:8000 -v zgw-data:/data -e BASE_URL=http://localhost:8000 zgw
# Operator commands in the running container (PostgreSQL via DATABASE_URL; with the embedded
# database stop the server first, it allows one process at a time):
#   docker compose exec zgw npx zgw applicatie list

FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-slim
ENV NODE_ENV=production \
    PORT=8000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY openapi ./openapi
COPY schemas ./schemas
# node:20-slim has the unprivileged user "node" (uid 1000); it owns only the data folder.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 8000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# A young generation of 2 x 64 MiB: with the default 16 MiB semi-spaces the collector took about 15%
# of a CPU profile of list pages under load (bench/README.md).
ENV NODE_OPTIONS=--max-semi-space-size=64
# node directly (not npm start): SIGTERM reaches the server's graceful shutdown.
CMD ["node", "--import", "tsx", "src/main.ts"]
