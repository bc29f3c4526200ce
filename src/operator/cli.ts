/**
 * `npx zgw …`: the operator's command line. Same environment variables as the server
 * (DATABASE_URL, DATA_DIR, BASE_URL, ...), and the same rules: writes go through the engine.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { ApiError } from '../core/errors.js';
import { clientCommands } from './commands/clients.js';
import { catalogusCommands } from './commands/catalogus.js';
import { notificatiesCommands } from './commands/notificaties.js';
import { inwonerCommands } from './commands/inwoner.js';
import { documentenCommands } from './commands/documenten.js';
import { serviceCommands } from './commands/services.js';
import { openEnv, UsageError, type Command, type Env } from './commands/common.js';

const commands: Command[] = [...clientCommands, ...catalogusCommands, ...notificatiesCommands, ...documentenCommands, ...inwonerCommands, ...serviceCommands];

const ENVIRONMENT = `Environment (the same as the server):
  DATABASE_URL   postgres://… ; unset: the embedded database in DATA_DIR
  DATA_DIR       folder of the embedded database (default ./data). The embedded database allows
                 ONE process at a time: stop the server on the same DATA_DIR before running zgw.
  BASE_URL       public URL of the server (default http://localhost:$PORT); used in printed URLs
  PORT           port of the server (default 8000); zgw refuses to open the embedded database
                 while a ZGW server answers on it`;

function overview(prefix = ''): string {
  const shown = commands.filter((c) => c.name.startsWith(prefix));
  const width = Math.max(...shown.map((c) => c.name.length));
  return [
    `Usage: zgw ${prefix ? `${prefix.trim()} <command>` : '<command>'} [options]      (zgw <command> --help for details)`,
    '',
    'Commands:',
    ...shown.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    ENVIRONMENT,
  ].join('\n');
}

function find(argv: string[]): { command?: Command; rest: string[] } {
  for (const words of [3, 2, 1]) { // `inwoner zaaktype add` has three words
    const name = argv.slice(0, words).join(' ');
    const command = commands.find((c) => c.name === name);
    if (command) return { command, rest: argv.slice(words) };
  }
  return { rest: argv };
}

function report(name: string, e: unknown): void {
  const where = name ? `zgw ${name}` : 'zgw';
  const err = (line: string) => process.stderr.write(`${line}\n`);
  if (e instanceof ConfigError) err(`${where}: configuration error: ${e.message}`);
  else if (e instanceof UsageError || (e as NodeJS.ErrnoException)?.code?.startsWith?.('ERR_PARSE_ARGS')) {
    err(`${where}: ${(e as Error).message.split('\n')[0]} (see: ${where} --help)`);
  } else if (e instanceof ApiError && e.invalidParams?.length) {
    err(`${where}: invalid input (${e.invalidParams.length} error${e.invalidParams.length > 1 ? 's' : ''})`);
    for (const p of e.invalidParams) err(`  ${p.name}: ${p.reason} [${p.code}]`);
  } else if (e instanceof ApiError) err(`${where}: ${e.title} ${e.message}`);
  else err(`${where}: ${e instanceof Error ? e.message : String(e)}`);
  if (process.env.ZGW_DEBUG && e instanceof Error) err(e.stack ?? '');
}

async function main(argv: string[]): Promise<number> {
  const { command, rest } = find(argv);
  if (!command) {
    const group = argv[0] && !argv[0].startsWith('-') && commands.some((c) => c.name.startsWith(`${argv[0]} `)) ? `${argv[0]} ` : '';
    const asksHelp = !argv.length || ['help', '--help', '-h'].includes(argv[group ? 1 : 0] ?? '') || (group && argv.length === 1);
    if (asksHelp) {
      (argv.length ? process.stdout : process.stderr).write(`${overview(group)}\n`);
      return argv.length ? 0 : 1;
    }
    report('', new UsageError(`unknown command "${argv.join(' ')}"`));
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.help}\n\n${ENVIRONMENT}\n`);
    return 0;
  }
  let env: (Env & { close?: () => Promise<void> }) | undefined;
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: Boolean(command.positionals), strict: true });
    command.check?.(values, positionals);
    const config = loadConfig();
    const useDb = typeof command.db === 'function' ? command.db(values) : command.db !== false;
    // Without a database the command gets only the config (and opens what it needs itself).
    env = useDb ? await openEnv(config) : ({ config } as Env);
    await command.run(env, values, positionals);
    return 0;
  } catch (e) {
    report(command.name, e);
    return 1;
  } finally {
    await env?.close?.();
  }
}

process.exitCode = await main(process.argv.slice(2));
