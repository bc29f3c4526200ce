// Limited clients for the authorisation tests: applicaties created through the Autorisaties API,
// one per distinct set of autorisaties, with unique client ids per run. The standard has no
// endpoint for a client's secret, so a hook registers it (a command, or a function in-process).
import { randomBytes, randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import type { Http } from '../core/http.js';
import type { Credentials } from '../core/token.js';
import { skip } from '../core/types.js';

export type SecretHook = (clientId: string, secret: string) => Promise<void>;

/** `--register-secret-command 'zgw client secret --client-id {clientId} --secret {secret}'`; also as env ZGW_CLIENT_ID / ZGW_SECRET. */
export function commandHook(command: string): SecretHook {
  return (clientId, secret) =>
    new Promise((ok, fail) => {
      const line = command.replaceAll('{clientId}', clientId).replaceAll('{secret}', secret);
      execFile('/bin/sh', ['-c', line], { env: { ...process.env, ZGW_CLIENT_ID: clientId, ZGW_SECRET: secret }, timeout: 60_000 }, (e, _out, err) =>
        e ? fail(new Error(`register-secret-command failed: ${err.trim() || e.message}`)) : ok());
    });
}

/**
 * `--register-secret-url 'http://host/admin/api/v1/client-secrets/{clientId}'`: PUT {"secret": …} with the
 * all-rights client's token (our server's extension; works while an embedded-database server runs).
 * The secret is removed again at the end of the run (DELETE on the same URL, best effort).
 */
export function urlHook(http: Http, template: string, cleanup?: (url: string) => void): SecretHook {
  return async (clientId, secret) => {
    const url = template.replaceAll('{clientId}', encodeURIComponent(clientId));
    const res = await http.request({ method: 'PUT', url, body: { secret } });
    if (res.status !== 204 && res.status !== 200) throw new Error(`register-secret-url: PUT ${url} answered ${res.status} ${res.text.slice(0, 200)}`);
    cleanup?.(url);
  };
}

export class Clients {
  private readonly made = new Map<string, Promise<Credentials>>();
  readonly runId = randomUUID().slice(0, 8);

  constructor(
    private readonly http: Http,
    private readonly autorisatiesUrl: string | undefined,
    private readonly hook: SecretHook | undefined,
    private readonly cleanup: (url: string) => void,
  ) {}

  /** Why limited clients cannot be made, or undefined when they can. */
  get unavailable(): string | undefined {
    if (!this.autorisatiesUrl) return 'no Autorisaties API given (--autorisaties): limited clients cannot be created';
    if (!this.hook) return 'no way to register a client secret (give --register-secret-url or --register-secret-command)';
    return undefined;
  }

  /** A client whose applicatie has exactly these autorisaties (made once per run); skips when impossible. */
  limited(autorisaties: object[], label = 'limited'): Promise<Credentials> {
    const reason = this.unavailable;
    if (reason) return skip(reason);
    const key = JSON.stringify(autorisaties);
    let p = this.made.get(key);
    if (!p) {
      p = this.create(autorisaties, label);
      this.made.set(key, p);
      p.catch(() => this.made.delete(key));
    }
    return p;
  }

  /**
   * A fresh client id with a registered secret but (yet) no applicatie. The id carries a slug of
   * the label (`…-scoping-…`) so a reader of the server's logs, or the fault proxy, can tell the
   * clients apart; clientIds are at most 50 characters (Autorisaties contract).
   */
  async bare(label = ''): Promise<Credentials> {
    const reason = this.unavailable;
    if (reason) return skip(reason);
    const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 12).replace(/-$/, '');
    const creds = { clientId: `zgw-conformance-${this.runId}-${slug ? `${slug}-` : ''}${randomUUID().slice(0, 8)}`, secret: randomBytes(24).toString('base64url') };
    await this.hook!(creds.clientId, creds.secret);
    return creds;
  }

  private async create(autorisaties: object[], label: string): Promise<Credentials> {
    const creds = await this.bare(label);
    const res = await this.http.post(`${this.autorisatiesUrl}/applicaties`, {
      clientIds: [creds.clientId], label: `zgw-conformance ${label}`, heeftAlleAutorisaties: false, autorisaties,
    });
    if (res.status !== 201 || typeof res.body?.url !== 'string') {
      return skip(`could not create a limited applicatie (POST /applicaties: ${res.status} ${res.text.slice(0, 200)})`);
    }
    this.cleanup(res.body.url);
    return creds;
  }
}
