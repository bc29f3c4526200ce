import type { Ctx } from '../../core/types.js';
import { createSelectielijstClient, type ProcesType, type Resultaat, type SelectielijstClient } from '../referentielijsten/client.js';
import * as store from '../referentielijsten/store.js';
import type { ResultaattypeOmschrijvingGeneriek } from '../referentielijsten/store.js';
import { fetchJson } from '../../engine/remote.js';

/** One Selectielijst client per process (and base URL), made on first use. */
let client: { base: string; client: SelectielijstClient } | undefined;

function selectielijst(ctx: Ctx): SelectielijstClient {
  if (client?.base !== ctx.config.baseUrl) client = { base: ctx.config.baseUrl, client: createSelectielijstClient({ ownBaseUrl: ctx.config.baseUrl }) };
  return client.client;
}

/** A look-up: the resource, or `undefined` when the URL does not resolve (404, network, bad URL). */
export type Lookup<T> = Promise<T | undefined>;

export async function procestype(url: unknown, ctx: Ctx): Lookup<ProcesType> {
  if (typeof url !== 'string' || !url) return undefined;
  return selectielijst(ctx).procestype(url).catch(() => undefined);
}

export async function resultaat(url: unknown, ctx: Ctx): Lookup<Resultaat> {
  if (typeof url !== 'string' || !url) return undefined;
  return selectielijst(ctx).resultaat(url).catch(() => undefined);
}

/** A resultaattypeomschrijving of the Referentielijsten API: ours in-process, others over HTTP. */
export async function resultaattypeomschrijving(url: unknown, ctx: Ctx): Lookup<ResultaattypeOmschrijvingGeneriek> {
  if (typeof url !== 'string' || !url) return undefined;
  const own = `${store.apiRoot(ctx.config.baseUrl)}/resultaattypeomschrijvingen/`;
  if (url.startsWith(own)) return store.resultaattypeomschrijving(ctx.config.baseUrl, url.slice(own.length).split(/[/?#]/)[0]);
  if (url.startsWith(`${ctx.config.baseUrl}/`)) return undefined;
  const got = await fetchJson(url, ctx);
  const body = got.ok ? (got.body as Record<string, unknown> | undefined) : undefined;
  return body && typeof body.omschrijving === 'string' && typeof body.url === 'string' ? (body as unknown as ResultaattypeOmschrijvingGeneriek) : undefined;
}
