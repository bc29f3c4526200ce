// One-line operation summaries in our own words, derived from the operationId
// (`<resource>_<action>`) and the collection segment of the path.

const ACTIONS: Record<string, (one: string, many: string) => string> = {
  list: (_one, many) => `List ${many}`,
  create: (one) => `Create ${article(one)} ${one}`,
  retrieve: (one) => `Retrieve ${article(one)} ${one}`,
  read: (one) => `Retrieve ${article(one)} ${one}`,
  update: (one) => `Replace ${article(one)} ${one}`,
  partial_update: (one) => `Partially update ${article(one)} ${one}`,
  destroy: (one) => `Delete ${article(one)} ${one}`,
  delete: (one) => `Delete ${article(one)} ${one}`,
  headers: (one) => `Get the headers (ETag) of ${article(one)} ${one}`,
  publish: (one) => `Publish ${article(one)} ${one}`,
  _zoek: (_one, many) => `Search ${many} with a query body`,
  download: (one) => `Download the content of ${article(one)} ${one}`,
  lock: (one) => `Lock ${article(one)} ${one} for editing`,
  unlock: (one) => `Unlock ${article(one)} ${one}`,
  consumer: () => 'Find the applicatie of the calling client',
  reserveren: () => 'Reserve one or more zaak identificaties',
};

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function collectionOf(path: string): string {
  const segments = path.split('/').filter((s) => s && !s.startsWith('{') && !s.startsWith('_'));
  return segments[segments.length - 1] ?? path;
}

export function summaryFor(operationId: string, path: string): string {
  const action = Object.keys(ACTIONS)
    .sort((a, b) => b.length - a.length)
    .find((a) => operationId.endsWith(`_${a}`));
  if (!action) return sentence(operationId.replace(/_/g, ' '));
  const resource = operationId.slice(0, -(action.length + 1)) || collectionOf(path);
  const many = collectionOf(path);
  const build = ACTIONS[action];
  return build ? build(resource, resource.endsWith('audittrail') ? 'audit trail entries' : many) : operationId;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
