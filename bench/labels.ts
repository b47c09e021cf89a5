// Names and notes of the contenders, shared by the suites and the report.

export const CONTENDER_NAMES = [
  'raw',
  'ours',
  'oursNoopHook',
  'documentClient',
  'toolbox',
  'electrodb',
  'dynamoose',
] as const;
export type ContenderName = (typeof CONTENDER_NAMES)[number];

export const CONTENDER_LABELS: Record<ContenderName, string> = {
  raw: 'raw SDK (client-dynamodb + util-dynamodb)',
  ours: 'dynamodb-decorators (Repository)',
  oursNoopHook: 'dynamodb-decorators with a no-op hook',
  documentClient: 'DocumentClient (lib-dynamodb)',
  toolbox: 'dynamodb-toolbox v2',
  electrodb: 'ElectroDB',
  dynamoose: 'dynamoose',
};

export const REQUEST_DIFFERENCES: Record<ContenderName, string> = {
  raw: 'The baseline: exactly the requests ours sends (same expressions, placeholders, ReturnValues, ReturnValuesOnConditionCheckFailure: ALL_OLD on writes, ConsistentRead: false on get).',
  ours: 'Validates each record/id/change against the schema before sending; returns model instances.',
  oursNoopHook:
    "The same requests as ours, from a repository made with `hooks: { onRequest, onResponse, onError }` that do nothing: each request is timed and its events built, which ours (no hook, no logger) skips. The difference is the cost of observing; ours's own ratio to raw is the cost of hooks when absent.",
  documentClient: 'Same requests as the baseline.',
  toolbox:
    'Same conditions and ReturnValues; no ReturnValuesOnConditionCheckFailure and no ConsistentRead: false (entity attribute and timestamps turned off, so the item is the same).',
  electrodb:
    "Adds its own attributes `__edb_e__` and `__edb_v__` to every put and SETs them again on every update (2 more attributes stored and returned); no ReturnValuesOnConditionCheckFailure. The key is the bare `person_id` attribute (ElectroDB's attribute-as-key form), so the key and item are otherwise the same.",
  dynamoose:
    'Its delete cannot ask for ReturnValues: ALL_OLD, so it returns nothing (the response carries no item, less to parse); no ReturnValuesOnConditionCheckFailure. Its create adds its own `attribute_not_exists` condition (the same check, its own placeholder).',
};
