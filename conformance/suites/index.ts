// Hand-written behaviour tests, per API.
import type { ApiName, GroupDef } from '../core/types.js';
import { SHORT } from '../generated/ops.js';
import { authGroup, autorisatiesGroup } from './auth.js';
import { catalogiGroup } from './catalogi.js';

export function handwrittenGroups(api: ApiName): GroupDef[] {
  const own: Partial<Record<ApiName, GroupDef[]>> = { catalogi: [catalogiGroup], autorisaties: [autorisatiesGroup] };
  return [authGroup(api, SHORT[api]), ...(own[api] ?? [])];
}
