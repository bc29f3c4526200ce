// Hand-written behaviour tests, per API.
import type { ApiName, GroupDef } from '../core/types.js';
import { SHORT } from '../generated/ops.js';
import { apiGroup, authGroup, autorisatiesGroup } from './auth.js';
import { catalogiGroup } from './catalogi.js';
import { relationsGroup, resultaattypeGroup, versionsGroup } from './catalogi-rules.js';
import { besluitenGroup } from './besluiten.js';
import { documentenGroup } from './documenten.js';
import { documentenAuditGroup, zakenAuditGroup } from './audittrail.js';
import { bestandsdelenGroup, documentExpandGroup, documentRelationsGroup } from './documenten-files.js';
import { zakenGroup } from './zaken.js';
import { deliveryGroup, notificatiesGroup } from './notificaties.js';
import { retryGroup, writesGroup } from './notificaties-writes.js';
import { archiverenGroup, lifecycleGroup } from './zaken-lifecycle.js';
import { relationsGroup as zakenRelationsGroup } from './zaken-relations.js';
import { fieldsGroup, klantinteractiesGroup } from './zaken-fields.js';
import { deleteGroup } from './zaken-delete.js';
import { zakenScopingGroup } from './scoping-zaken.js';
import { besluitenScopingGroup, documentenScopingGroup } from './scoping-documenten.js';
import { expandGroup, zoekFieldsGroup } from './zaken-expand.js';
import { oioGroup } from './documenten-oio.js';
import { forcedUnlockGroup } from './documenten-unlock.js';
import { sourcesGroup } from './notificaties-sources.js';

export function handwrittenGroups(api: ApiName): GroupDef[] {
  const own: Partial<Record<ApiName, GroupDef[]>> = { catalogi: [catalogiGroup, versionsGroup, relationsGroup, resultaattypeGroup], autorisaties: [autorisatiesGroup],
    zaken: [zakenGroup, lifecycleGroup, archiverenGroup, zakenRelationsGroup, zakenScopingGroup,
      fieldsGroup, klantinteractiesGroup, deleteGroup], documenten: [documentenScopingGroup, documentenGroup], besluiten: [besluitenGroup, besluitenScopingGroup],
    notificaties: [notificatiesGroup, deliveryGroup],
  };
  // Audit-trail content, Documenten files and relations, notifications of every write (issue #6, round 3).
  const more: Partial<Record<ApiName, GroupDef[]>> = { zaken: [zakenAuditGroup], documenten: [documentRelationsGroup, documentExpandGroup, bestandsdelenGroup, documentenAuditGroup],
    notificaties: [writesGroup, retryGroup] };
  // Expand and _zoek fields on Zaken, ObjectInformatieObjecten created by a client, the forced unlock,
  // notifications of Catalogi and Autorisaties writes (issue #6, round 4).
  const round4: Partial<Record<ApiName, GroupDef[]>> = { zaken: [expandGroup, zoekFieldsGroup], documenten: [oioGroup, forcedUnlockGroup], notificaties: [sourcesGroup] };
  return [apiGroup(api, SHORT[api]), authGroup(api, SHORT[api]), ...(own[api] ?? []), ...(more[api] ?? []), ...(round4[api] ?? [])];
}
