import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * BSNs at rest (issue "privacy by design"): stored encrypted with AES-256-GCM (authenticated, a
 * fresh IV per value) and, where a filter needs them, as a keyed hash (HMAC-SHA256), so that
 * `rol__…__inpBsn=` stays an indexed equality lookup while a database dump alone reveals no BSN.
 * Both keys are derived from the one configured key (BSN_KEY) with HKDF.
 */
export class BsnVault {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('The BSN key must be 32 bytes.');
    this.encKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'zgw bsn encryption v1', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'zgw bsn lookup v1', 32));
  }

  /** The lookup form: equal BSNs give equal hashes (43 characters), nothing else can be read from it. */
  hash(bsn: string): string {
    return createHmac('sha256', this.macKey).update(bsn).digest('base64url');
  }

  seal(bsn: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    cipher.setAAD(AAD);
    const body = Buffer.concat([cipher.update(bsn, 'utf8'), cipher.final()]);
    return SEALED + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The BSN of a sealed value; a value that is not sealed is returned as it is. */
  open(value: string): string {
    if (!isSealed(value)) return value;
    const raw = Buffer.from(value.slice(SEALED.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAAD(AAD);
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
  }

  /** A copy of a JSON tree with every BSN field sealed (objects are stored as jsonb whole). */
  sealTree<T>(tree: T): T {
    return mapBsnFields(tree, (v) => (isSealed(v) ? v : this.seal(v)));
  }

  openTree<T>(tree: T): T {
    return mapBsnFields(tree, (v) => this.open(v));
  }
}

const SEALED = 'bsn:v1:';
const AAD = Buffer.from('bsn');
export const isSealed = (v: string) => v.startsWith(SEALED);

/** The fields that hold a BSN in the standard's schemas (rol and zaakobject natuurlijk persoon). */
const BSN_FIELDS = new Set(['inpBsn']);

function mapBsnFields<T>(tree: T, f: (v: string) => string): T {
  if (Array.isArray(tree)) return tree.map((x) => mapBsnFields(x, f)) as T;
  if (!tree || typeof tree !== 'object') return tree;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(tree)) {
    out[k] = BSN_FIELDS.has(k) && typeof v === 'string' && v !== '' ? f(v) : mapBsnFields(v, f);
  }
  return out as T;
}

const vaults = new WeakMap<Buffer, BsnVault>();

/** The vault of a configuration's key (built once per key). */
export function bsnVault(config: { bsnKey: Buffer }): BsnVault {
  let v = vaults.get(config.bsnKey);
  if (!v) vaults.set(config.bsnKey, (v = new BsnVault(config.bsnKey)));
  return v;
}
