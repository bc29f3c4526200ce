// Hand-written behaviour tests, per API.
import type { ApiName, GroupDef } from '../core/types.js';

export function handwrittenGroups(_api: ApiName): GroupDef[] {
  return [];
}
