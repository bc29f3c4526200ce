import type { Descriptor } from './descriptor.js';

export const API_ROOTS: Record<string, string> = {
  zaken: '/zaken/api/v1',
  documenten: '/documenten/api/v1',
  catalogi: '/catalogi/api/v1',
  besluiten: '/besluiten/api/v1',
  autorisaties: '/autorisaties/api/v1',
  notificaties: '/notificaties/api/v1',
  referentielijsten: '/referentielijsten/api/v1',
  inwoner: '/inwoner/api/v1',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);

/** Every resource of this server, and the translation between their URLs and their uuids. */
export class Registry {
  private byName = new Map<string, Descriptor>();
  private byRoute = new Map<string, Descriptor>();

  constructor(readonly baseUrl: string, descriptors: Descriptor[] = []) {
    descriptors.forEach((d) => this.add(d));
  }

  add(d: Descriptor): void {
    this.byName.set(d.name, d);
    this.byRoute.set(`${API_ROOTS[d.api]}/${d.path}`, d);
  }

  get(name: string): Descriptor {
    const d = this.byName.get(name);
    if (!d) throw new Error(`Unknown resource ${name}`);
    return d;
  }

  all(): Descriptor[] {
    return [...this.byName.values()];
  }

  /** A nested resource (scopedBy, e.g. /zaken/{zaak_uuid}/zaakeigenschappen/{uuid}) needs its parent's uuid. */
  url(d: Descriptor | string, uuid: string, parent?: string): string {
    const desc = typeof d === 'string' ? this.get(d) : d;
    const scope = desc.scopedBy;
    if (scope && parent) return `${this.baseUrl}${API_ROOTS[desc.api]}/${this.get(scope.resource).path}/${parent}/${desc.path}/${uuid}`;
    return `${this.baseUrl}${API_ROOTS[desc.api]}/${desc.path}/${uuid}`;
  }

  /** The resource and uuid a URL of ours points to; undefined for other servers' URLs. */
  parse(url: string): { desc: Descriptor | undefined; uuid: string; parent?: string } | undefined {
    if (!url.startsWith(this.baseUrl + '/')) return undefined;
    const rest = url.slice(this.baseUrl.length).split(/[?#]/)[0].replace(/\/+$/, '');
    const cut = rest.lastIndexOf('/');
    const uuid = rest.slice(cut + 1);
    const route = rest.slice(0, cut);
    return { desc: this.byRoute.get(route), uuid, ...this.parseNested(route) };
  }

  /** `/zaken/api/v1/zaken/{parent}/zaakeigenschappen`: the nested resource and its parent's uuid. */
  private parseNested(route: string): { desc: Descriptor; parent: string } | undefined {
    const m = /^(.*)\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(route);
    if (!m || this.byRoute.has(route)) return undefined;
    const [, root, parentPath, parent, path] = m;
    const desc = this.all().find((d) => d.scopedBy && d.path === path && API_ROOTS[d.api] === root && this.byName.get(d.scopedBy.resource)?.path === parentPath);
    return desc ? { desc, parent } : undefined;
  }

  /** Is this URL ours (under our base URL)? */
  isOwn(url: string): boolean {
    return url.startsWith(this.baseUrl + '/');
  }

  /** Stored form of a reference: our own resources as uuid, others as their URL. */
  toStored(url: string, target: string): string {
    const hit = this.parse(url);
    if (hit && hit.desc?.name === target && isUuid(hit.uuid)) return hit.uuid.toLowerCase();
    return url;
  }

  /** API form of a stored reference. */
  toUrl(stored: string | null | undefined, target: string): string | null {
    if (stored === null || stored === undefined || stored === '') return stored === '' ? '' : null;
    return isUuid(stored) ? this.url(target, stored) : stored;
  }
}
