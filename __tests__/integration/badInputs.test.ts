// The bad-input catalog (issue 5, part 1): every bad input gets its specific error class, naming
// the attribute, before anything reaches the engine. Each repository under test talks through a
// recording client, so "nothing was sent" is the list of commands it recorded being empty; for
// writes, the table is read back through a normal client and must be exactly as seeded.
import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import 'reflect-metadata';
import {
  add,
  addToSet,
  and,
  append,
  Attribute,
  Categorical,
  CreatedAt,
  GlobalIndex,
  LocalIndex,
  PartitionKey,
  RecordValidationError,
  remove,
  Repository,
  SchemaError,
  setIn,
  SortKey,
  Table,
  transaction,
  UpdatedAt,
  Version,
  where,
  type RecordData,
  type ScanOptions,
} from '../../lib';
import { AccountData, EdgeData, EventData, PhoneData, StatusQueryData } from '../fixtures/models';
import { engines, uniqueTableName, type TestEngine } from '../helpers/engines';
import { recordingClient } from '../helpers/recordRequests';

// ---- models declared here: one per schema error, and the shapes the fixtures lack ----

const STATUSES = ['STARTED', 'IN_PROGRESS', 'SUCCESS', 'FAILED'] as const;

@Table({ name: 'bad-input-jobs' })
class JobData {
  @PartitionKey() job_id!: string;
  @Categorical(STATUSES) status!: (typeof STATUSES)[number];
  @Attribute() timestamp!: string;
  @Attribute({ type: 'map', optional: true }) meta?: Record<string, unknown>;
  @Version() version!: number;
  @CreatedAt() created_at!: Date;
  @UpdatedAt() updated_at!: Date;
}

/** String partition and sort keys, for the empty-string key rules. */
@Table({ name: 'bad-input-pairs' })
class StringPairData {
  @PartitionKey() pk!: string;
  @SortKey() sk!: string;
  @Attribute({ optional: true }) note?: string;
}

/** Binary partition and sort keys, for the empty-binary key rules. */
@Table({ name: 'bad-input-binaries' })
class BinaryPairData {
  @PartitionKey() pk!: Uint8Array;
  @SortKey() sk!: Uint8Array;
  @Attribute({ optional: true }) note?: string;
}

class NoTableModel {
  @PartitionKey() id!: string;
}

@Table({ name: 'no-partition-key' })
class NoPartitionKeyModel {
  @Attribute() id!: string;
}

@Table({ name: 'two-partition-keys' })
class TwoPartitionKeysModel {
  @PartitionKey() first!: string;
  @PartitionKey() second!: string;
}

@Table({ name: 'empty-categorical' })
class EmptyCategoricalModel {
  @PartitionKey() id!: string;
  @Categorical([]) kind!: string;
}

@Table({ name: 'duplicated-categorical' })
class DuplicatedCategoricalModel {
  @PartitionKey() id!: string;
  @Categorical(['A', 'B', 'A']) grade!: string;
}

@Table({ name: 'numeric-categorical' })
class NumericCategoricalModel {
  @PartitionKey() id!: string;
  @Categorical(['1', '2']) level!: number;
}

@Table({ name: 'optional-key' })
class OptionalKeyModel {
  @PartitionKey() @Attribute({ optional: true }) id?: string;
}

@Table({ name: 'optional-sort-key' })
class OptionalSortKeyModel {
  @PartitionKey() id!: string;
  @SortKey() @Attribute({ optional: true }) at?: number;
}

@Table({ name: 'untyped-set' })
class UntypedSetModel {
  @PartitionKey() id!: string;
  @Attribute() labels!: Set<string>;
}

class Owner {
  name = 'someone';
}

@Table({ name: 'class-typed' })
class ClassTypedModel {
  @PartitionKey() id!: string;
  @Attribute() owner!: Owner;
}

@Table({ name: 'x' })
class BadTableNameModel {
  @PartitionKey() id!: string;
}

@Table({ name: 'unknown-index-attribute' })
@GlobalIndex('byRegion', { partitionKey: 'region' })
class UnknownIndexAttributeModel {
  @PartitionKey() id!: string;
}

@Table({ name: 'local-without-sort' })
class LocalWithoutSortKeyModel {
  @PartitionKey() id!: string;
  @LocalIndex('byWhen') when!: string;
}

@Table({ name: 'two-versions' })
class TwoVersionsModel {
  @PartitionKey() id!: string;
  @Version() version!: number;
  @Version() revision!: number;
}

@Table({ name: 'boolean-key' })
class BooleanKeyModel {
  @PartitionKey() active!: boolean;
}

@Table({ name: 'unknown-type' })
class UnknownTypeModel {
  @PartitionKey() id!: string;
  @Attribute({ type: 'decimal' as never }) amount!: number;
}

// ---- the catalog ----

interface Repos {
  /** The recording client every repository here sends through. */
  readonly client: DynamoDBClient;
  readonly phones: Repository<PhoneData>;
  readonly edges: Repository<EdgeData>;
  readonly events: Repository<EventData>;
  readonly statuses: Repository<StatusQueryData>;
  readonly accounts: Repository<AccountData>;
  readonly jobs: Repository<JobData>;
  readonly pairs: Repository<StringPairData>;
  readonly binaries: Repository<BinaryPairData>;
}
type RepoName = Exclude<keyof Repos, 'client'>;

type Category = 'schema' | 'record' | 'id' | 'update' | 'option';

interface BadInput {
  readonly name: string;
  readonly call: (repos: Repos) => Promise<unknown>;
  readonly errorClass: typeof SchemaError | typeof RecordValidationError;
  /** What the message names; for a RecordValidationError, also an issue's `attribute` (exactly, or matching). */
  readonly attribute: string | RegExp;
  /** The table a write case aims at: it must be exactly as seeded afterwards. */
  readonly touches?: RepoName;
}

/** The one record seeded in each table (plain values, as createRecord takes them). */
const seeds = {
  phones: {
    person_id: 1,
    name: 'Ada',
    phone_number: '555-0100',
    relationship: 'FRIEND',
    timestamp: '2026-01-01T00:00:00Z',
  },
  edges: {
    id: 'e1',
    name: 'n',
    status: 's',
    'first-name': 'f',
    'a.b': 'ab',
    'x y': 'xy',
    count: 1,
    tags: new Set(['a']),
    list: [1],
    map: { k: 'v' },
  },
  events: { device_id: 'd1', at: 1, kind: 'boot' },
  statuses: { request_id: 'r1', status: 'STARTED', timestamp: '2026-01-01T00:00:00Z', name: 'job' },
  accounts: { account_id: 'a1', email: 'ada@example.com', nickname: 'ada' },
  jobs: { job_id: 'j1', status: 'STARTED', timestamp: '2026-01-01T00:00:00Z', meta: { step: 1 } },
  pairs: { pk: 'p1', sk: 's1', note: 'n' },
  binaries: { pk: Uint8Array.of(1), sk: Uint8Array.of(2), note: 'n' },
} as const;

const seedIds: Readonly<Record<RepoName, unknown>> = {
  phones: 1,
  edges: 'e1',
  events: { device_id: 'd1', at: 1 },
  statuses: 'r1',
  accounts: 'a1',
  jobs: 'j1',
  pairs: { pk: 'p1', sk: 's1' },
  binaries: { pk: Uint8Array.of(1), sk: Uint8Array.of(2) },
};

// Records with a fresh key: valid but for what each case changes. `as never` marks inputs that
// are deliberately ill-typed (the catalog is about what plain JavaScript callers can pass).
const phone = (changes: object = {}) =>
  ({ ...seeds.phones, person_id: 99, ...changes }) as never as RecordData<PhoneData>;
const edge = (changes: object = {}) =>
  ({
    id: 'new-edge',
    name: 'n',
    status: 's',
    'first-name': 'f',
    'a.b': 'ab',
    'x y': 'xy',
    ...changes,
  }) as never as RecordData<EdgeData>;
const ILL = <T>(value: unknown): T => value as T;

const schemaCases: BadInput[] = [
  {
    name: 'no @Table',
    call: async ({ client }) => new Repository(NoTableModel, { client }),
    errorClass: SchemaError,
    attribute: /NoTableModel: no @Table/,
  },
  {
    name: 'no partition key',
    call: async ({ client }) => new Repository(NoPartitionKeyModel, { client }),
    errorClass: SchemaError,
    attribute: /no partition key.*@PartitionKey/,
  },
  {
    name: 'two partition keys',
    call: async ({ client }) => new Repository(TwoPartitionKeysModel, { client }),
    errorClass: SchemaError,
    attribute: 'TwoPartitionKeysModel.second',
  },
  {
    name: 'empty @Categorical list',
    call: async ({ client }) => new Repository(EmptyCategoricalModel, { client }),
    errorClass: SchemaError,
    attribute: 'EmptyCategoricalModel.kind',
  },
  {
    name: 'duplicated @Categorical value',
    call: async ({ client }) => new Repository(DuplicatedCategoricalModel, { client }),
    errorClass: SchemaError,
    attribute: 'DuplicatedCategoricalModel.grade',
  },
  {
    name: '@Categorical on a number',
    call: async ({ client }) => new Repository(NumericCategoricalModel, { client }),
    errorClass: SchemaError,
    attribute: 'NumericCategoricalModel.level',
  },
  {
    name: 'optional partition key',
    call: async ({ client }) => new Repository(OptionalKeyModel, { client }),
    errorClass: SchemaError,
    attribute: 'OptionalKeyModel.id',
  },
  {
    name: 'optional sort key',
    call: async ({ client }) => new Repository(OptionalSortKeyModel, { client }),
    errorClass: SchemaError,
    attribute: 'OptionalSortKeyModel.at',
  },
  {
    name: 'Set without a type',
    call: async ({ client }) => new Repository(UntypedSetModel, { client }),
    errorClass: SchemaError,
    attribute: 'UntypedSetModel.labels',
  },
  {
    name: 'class-typed property',
    call: async ({ client }) => new Repository(ClassTypedModel, { client }),
    errorClass: SchemaError,
    attribute: 'ClassTypedModel.owner',
  },
  {
    name: 'bad @Table name',
    call: async ({ client }) => new Repository(BadTableNameModel, { client }),
    errorClass: SchemaError,
    attribute: /BadTableNameModel: @Table: name/,
  },
  {
    name: 'bad tableName option',
    call: async ({ client }) => new Repository(PhoneData, { client, tableName: 'no spaces allowed' }),
    errorClass: RecordValidationError,
    attribute: 'tableName',
  },
  {
    name: 'unknown Repository option',
    call: async ({ client }) => new Repository(PhoneData, { client, region: 'eu-west-1' } as never),
    errorClass: RecordValidationError,
    attribute: 'region',
  },
  {
    name: '@GlobalIndex on an unknown attribute',
    call: async ({ client }) => new Repository(UnknownIndexAttributeModel, { client }),
    errorClass: SchemaError,
    attribute: /UnknownIndexAttributeModel.*region/,
  },
  {
    name: '@LocalIndex on a table without sort key',
    call: async ({ client }) => new Repository(LocalWithoutSortKeyModel, { client }),
    errorClass: SchemaError,
    attribute: 'LocalWithoutSortKeyModel.when',
  },
  {
    name: 'two @Version',
    call: async ({ client }) => new Repository(TwoVersionsModel, { client }),
    errorClass: SchemaError,
    attribute: 'TwoVersionsModel.revision',
  },
  {
    name: 'boolean partition key',
    call: async ({ client }) => new Repository(BooleanKeyModel, { client }),
    errorClass: SchemaError,
    attribute: 'BooleanKeyModel.active',
  },
  {
    name: 'unknown declared type',
    call: async ({ client }) => new Repository(UnknownTypeModel, { client }),
    errorClass: SchemaError,
    attribute: 'UnknownTypeModel.amount',
  },
];

class Gadget {
  readonly kind = 'gadget';
}
// DynamoDB rejects items over 400 KB; this one's `name` alone is 400 KiB.
const OVERSIZED = 'x'.repeat(400 * 1024);

const recordCases: BadInput[] = [
  // every declared type, given a value of another type
  {
    name: 'string attribute given a number',
    call: ({ edges }) => edges.createRecord(edge({ name: 42 })),
    errorClass: RecordValidationError,
    attribute: 'name',
    touches: 'edges',
  },
  {
    name: 'number attribute given a string',
    call: ({ edges }) => edges.createRecord(edge({ count: '5' })),
    errorClass: RecordValidationError,
    attribute: 'count',
    touches: 'edges',
  },
  {
    name: 'bigint attribute given a fraction',
    call: ({ edges }) => edges.createRecord(edge({ big: 1.5 })),
    errorClass: RecordValidationError,
    attribute: 'big',
    touches: 'edges',
  },
  {
    name: 'boolean attribute given a string',
    call: ({ edges }) => edges.createRecord(edge({ flag: 'true' })),
    errorClass: RecordValidationError,
    attribute: 'flag',
    touches: 'edges',
  },
  {
    name: 'Date attribute given an ISO string',
    call: ({ edges }) => edges.createRecord(edge({ when: '2026-01-01' })),
    errorClass: RecordValidationError,
    attribute: 'when',
    touches: 'edges',
  },
  {
    name: 'binary attribute given a string',
    call: ({ edges }) => edges.createRecord(edge({ bytes: 'abc' })),
    errorClass: RecordValidationError,
    attribute: 'bytes',
    touches: 'edges',
  },
  {
    name: 'list attribute given an object',
    call: ({ edges }) => edges.createRecord(edge({ list: {} })),
    errorClass: RecordValidationError,
    attribute: 'list',
    touches: 'edges',
  },
  {
    name: 'map attribute given an array',
    call: ({ edges }) => edges.createRecord(edge({ map: [] })),
    errorClass: RecordValidationError,
    attribute: 'map',
    touches: 'edges',
  },
  {
    name: 'string set given an array',
    call: ({ edges }) => edges.createRecord(edge({ tags: ['a'] })),
    errorClass: RecordValidationError,
    attribute: 'tags',
    touches: 'edges',
  },
  {
    name: 'number set given a Set of strings',
    call: ({ edges }) => edges.createRecord(edge({ scores: new Set(['1']) })),
    errorClass: RecordValidationError,
    attribute: 'scores',
    touches: 'edges',
  },
  {
    name: 'number key given a string',
    call: ({ phones }) => phones.createRecord(phone({ person_id: '99' })),
    errorClass: RecordValidationError,
    attribute: 'person_id',
    touches: 'phones',
  },
  // missing and non-values
  {
    name: 'null for a required attribute',
    call: ({ phones }) => phones.createRecord(phone({ name: null })),
    errorClass: RecordValidationError,
    attribute: 'name',
    touches: 'phones',
  },
  {
    name: 'undefined for a required attribute',
    call: ({ phones }) => phones.createRecord(phone({ name: undefined })),
    errorClass: RecordValidationError,
    attribute: 'name',
    touches: 'phones',
  },
  {
    name: 'missing partition key',
    call: ({ phones }) => phones.createRecord(phone({ person_id: undefined })),
    errorClass: RecordValidationError,
    attribute: 'person_id',
    touches: 'phones',
  },
  {
    name: 'record that is a string',
    call: ({ phones }) => phones.createRecord(ILL('person_id=99')),
    errorClass: RecordValidationError,
    attribute: '(record)',
    touches: 'phones',
  },
  {
    name: 'record that is an array',
    call: ({ phones }) => phones.createRecord(ILL([seeds.phones])),
    errorClass: RecordValidationError,
    attribute: '(record)',
    touches: 'phones',
  },
  // numbers DynamoDB cannot store
  {
    name: 'NaN',
    call: ({ edges }) => edges.createRecord(edge({ count: NaN })),
    errorClass: RecordValidationError,
    attribute: 'count',
    touches: 'edges',
  },
  {
    name: 'Infinity',
    call: ({ edges }) => edges.createRecord(edge({ count: Infinity })),
    errorClass: RecordValidationError,
    attribute: 'count',
    touches: 'edges',
  },
  {
    name: '-Infinity',
    call: ({ edges }) => edges.createRecord(edge({ count: -Infinity })),
    errorClass: RecordValidationError,
    attribute: 'count',
    touches: 'edges',
  },
  {
    name: 'bigint of 39 significant digits',
    call: ({ edges }) => edges.createRecord(edge({ big: 10n ** 38n + 1n })),
    errorClass: RecordValidationError,
    attribute: 'big',
    touches: 'edges',
  },
  {
    name: 'bigint of magnitude 1e126',
    call: ({ edges }) => edges.createRecord(edge({ big: 10n ** 126n })),
    errorClass: RecordValidationError,
    attribute: 'big',
    touches: 'edges',
  },
  {
    name: 'number of magnitude 1e126',
    call: ({ edges }) => edges.createRecord(edge({ count: 1e126 })),
    errorClass: RecordValidationError,
    attribute: 'count',
    touches: 'edges',
  },
  {
    name: 'number of magnitude 1e-131',
    call: ({ edges }) => edges.createRecord(edge({ count: 1e-131 })),
    errorClass: RecordValidationError,
    attribute: 'count',
    touches: 'edges',
  },
  {
    name: 'unsafe integer in a number attribute',
    call: ({ edges }) => edges.createRecord(edge({ count: 2 ** 53 })),
    errorClass: RecordValidationError,
    attribute: 'count',
    touches: 'edges',
  },
  {
    name: 'unstorable number inside a list',
    call: ({ edges }) => edges.createRecord(edge({ list: [1, NaN] })),
    errorClass: RecordValidationError,
    attribute: 'list',
    touches: 'edges',
  },
  // size
  {
    name: 'item over 400 KB',
    call: ({ phones }) => phones.createRecord(phone({ name: OVERSIZED })),
    errorClass: RecordValidationError,
    attribute: 'name',
    touches: 'phones',
  },
  // empty keys
  {
    name: 'empty string partition key',
    call: ({ pairs }) => pairs.createRecord({ pk: '', sk: 's9' }),
    errorClass: RecordValidationError,
    attribute: 'pk',
    touches: 'pairs',
  },
  {
    name: 'empty string sort key',
    call: ({ pairs }) => pairs.createRecord({ pk: 'p9', sk: '' }),
    errorClass: RecordValidationError,
    attribute: 'sk',
    touches: 'pairs',
  },
  {
    name: 'empty binary partition key',
    call: ({ binaries }) => binaries.createRecord({ pk: new Uint8Array(0), sk: Uint8Array.of(9) }),
    errorClass: RecordValidationError,
    attribute: 'pk',
    touches: 'binaries',
  },
  {
    name: 'empty binary sort key',
    call: ({ binaries }) => binaries.createRecord({ pk: Uint8Array.of(9), sk: new Uint8Array(0) }),
    errorClass: RecordValidationError,
    attribute: 'sk',
    touches: 'binaries',
  },
  // sets
  {
    name: 'empty Set',
    call: ({ edges }) => edges.createRecord(edge({ tags: new Set() })),
    errorClass: RecordValidationError,
    attribute: 'tags',
    touches: 'edges',
  },
  {
    name: 'string set with a number member',
    call: ({ edges }) => edges.createRecord(edge({ tags: new Set(['a', 1]) })),
    errorClass: RecordValidationError,
    attribute: 'tags',
    touches: 'edges',
  },
  {
    name: 'number set with a string member',
    call: ({ edges }) => edges.createRecord(edge({ scores: new Set([1, 'two']) })),
    errorClass: RecordValidationError,
    attribute: 'scores',
    touches: 'edges',
  },
  {
    name: 'number set with members equal once stored (1 and 1n)',
    call: ({ edges }) => edges.createRecord(edge({ scores: new Set([1, 1n]) })),
    errorClass: RecordValidationError,
    attribute: 'scores',
    touches: 'edges',
  },
  {
    name: 'mixed Set inside a list',
    call: ({ edges }) => edges.createRecord(edge({ list: [new Set(['a', 1])] })),
    errorClass: RecordValidationError,
    attribute: 'list',
    touches: 'edges',
  },
  // names the model does not have
  {
    name: 'unknown attribute',
    call: ({ phones }) => phones.createRecord(phone({ nickname: 'x' })),
    errorClass: RecordValidationError,
    attribute: 'nickname',
    touches: 'phones',
  },
  {
    name: 'own __proto__ key (JSON.parse)',
    call: ({ edges }) =>
      edges.createRecord(Object.assign(JSON.parse('{"__proto__": {"polluted": true}}') as object, edge())),
    errorClass: RecordValidationError,
    attribute: '__proto__',
    touches: 'edges',
  },
  {
    name: 'own constructor key (Object.defineProperty)',
    call: ({ edges }) =>
      edges.createRecord(Object.defineProperty(edge(), 'constructor', { value: 'x', enumerable: true })),
    errorClass: RecordValidationError,
    attribute: 'constructor',
    touches: 'edges',
  },
  // values JavaScript has and DynamoDB does not
  {
    name: 'invalid Date',
    call: ({ edges }) => edges.createRecord(edge({ when: new Date('not a date') })),
    errorClass: RecordValidationError,
    attribute: 'when',
    touches: 'edges',
  },
  {
    name: 'function value',
    call: ({ edges }) => edges.createRecord(edge({ name: () => 'n' })),
    errorClass: RecordValidationError,
    attribute: 'name',
    touches: 'edges',
  },
  {
    name: 'symbol value',
    call: ({ edges }) => edges.createRecord(edge({ name: Symbol('n') })),
    errorClass: RecordValidationError,
    attribute: 'name',
    touches: 'edges',
  },
  {
    name: 'class instance in a map',
    call: ({ edges }) => edges.createRecord(edge({ map: { gadget: new Gadget() } })),
    errorClass: RecordValidationError,
    attribute: 'map',
    touches: 'edges',
  },
  {
    name: 'function inside a map',
    call: ({ edges }) => edges.createRecord(edge({ map: { run: () => 1 } })),
    errorClass: RecordValidationError,
    attribute: 'map',
    touches: 'edges',
  },
  // categorical and class-validator
  {
    name: 'categorical value outside the list',
    call: ({ phones }) => phones.createRecord(phone({ relationship: 'ENEMY' })),
    errorClass: RecordValidationError,
    attribute: 'relationship',
    touches: 'phones',
  },
  {
    name: 'categorical value in the wrong case',
    call: ({ phones }) => phones.createRecord(phone({ relationship: 'friend' })),
    errorClass: RecordValidationError,
    attribute: 'relationship',
    touches: 'phones',
  },
  {
    name: 'optional categorical outside the list',
    call: ({ edges }) => edges.createRecord(edge({ data_source: 'MEDIUM' })),
    errorClass: RecordValidationError,
    attribute: 'data_source',
    touches: 'edges',
  },
  {
    name: 'class-validator @IsEmail failure',
    call: ({ accounts }) => accounts.createRecord({ account_id: 'a9', email: 'not-an-email', nickname: 'bob' }),
    errorClass: RecordValidationError,
    attribute: 'email',
    touches: 'accounts',
  },
  {
    name: 'class-validator @Length failure',
    call: ({ accounts }) => accounts.createRecord({ account_id: 'a9', email: 'bob@example.com', nickname: 'b' }),
    errorClass: RecordValidationError,
    attribute: 'nickname',
    touches: 'accounts',
  },
  // lifecycle attributes are the library's
  {
    name: '@Version given on create',
    call: ({ jobs }) =>
      jobs.createRecord({ job_id: 'j9', status: 'STARTED', timestamp: '2026-01-01T00:00:00Z', version: 5 }),
    errorClass: RecordValidationError,
    attribute: 'version',
    touches: 'jobs',
  },
  // batches name the entry: `put[2].relationship`
  {
    name: 'batchWrite put with a bad entry',
    call: ({ phones }) =>
      phones.batchWrite({
        put: [phone({ person_id: 97 }), phone({ person_id: 98 }), phone({ relationship: 'ENEMY' })],
      }),
    errorClass: RecordValidationError,
    attribute: 'put[2].relationship',
    touches: 'phones',
  },
  {
    name: 'transaction put with a bad record',
    call: ({ client, phones }) =>
      transaction(client)
        .create(phones, phone({ name: 7 }))
        .commit(),
    errorClass: RecordValidationError,
    attribute: 'actions[0].name',
    touches: 'phones',
  },
];

const idCases: BadInput[] = [
  {
    name: 'id of the wrong type',
    call: ({ phones }) => phones.getRecord('1'),
    errorClass: RecordValidationError,
    attribute: 'person_id',
  },
  {
    name: 'bigint id for a number key',
    call: ({ phones }) => phones.getRecord(1n),
    errorClass: RecordValidationError,
    attribute: 'person_id',
  },
  {
    name: 'Date id for a string key',
    call: ({ edges }) => edges.getRecord(new Date()),
    errorClass: RecordValidationError,
    attribute: 'id',
  },
  {
    name: 'missing sort key (scalar id)',
    call: ({ events }) => events.getRecord('d1'),
    errorClass: RecordValidationError,
    attribute: 'at',
  },
  {
    name: 'missing sort key (object id)',
    call: ({ events }) => events.getRecord({ device_id: 'd1' }),
    errorClass: RecordValidationError,
    attribute: 'at',
  },
  {
    name: 'sort key of the wrong type',
    call: ({ events }) => events.getRecord({ device_id: 'd1', at: '1' }),
    errorClass: RecordValidationError,
    attribute: 'at',
  },
  {
    name: 'extra field in the id',
    call: ({ events }) => events.getRecord({ device_id: 'd1', at: 1, kind: 'boot' }),
    errorClass: RecordValidationError,
    attribute: 'kind',
  },
  {
    name: 'own __proto__ field in the id',
    call: ({ phones }) => phones.getRecord(JSON.parse('{"person_id": 1, "__proto__": {}}') as Record<string, unknown>),
    errorClass: RecordValidationError,
    attribute: '__proto__',
  },
  {
    name: 'null id',
    call: ({ phones }) => phones.getRecord(ILL(null)),
    errorClass: RecordValidationError,
    attribute: 'person_id',
  },
  {
    name: 'undefined id',
    call: ({ phones }) => phones.getRecord(ILL(undefined)),
    errorClass: RecordValidationError,
    attribute: 'person_id',
  },
  {
    name: 'array id',
    call: ({ phones }) => phones.getRecord(ILL([1])),
    errorClass: RecordValidationError,
    attribute: 'person_id',
  },
  {
    name: 'NaN for a number key',
    call: ({ phones }) => phones.getRecord(NaN),
    errorClass: RecordValidationError,
    attribute: 'person_id',
  },
  {
    name: 'empty string key',
    call: ({ edges }) => edges.getRecord(''),
    errorClass: RecordValidationError,
    attribute: 'id',
  },
  {
    name: 'empty binary sort key in an id',
    call: ({ binaries }) => binaries.getRecord({ pk: Uint8Array.of(1), sk: new Uint8Array(0) }),
    errorClass: RecordValidationError,
    attribute: 'sk',
  },
  {
    name: 'delete with an id of the wrong type',
    call: ({ phones }) => phones.deleteRecord('1'),
    errorClass: RecordValidationError,
    attribute: 'person_id',
    touches: 'phones',
  },
  {
    name: 'delete with Infinity as a number key',
    call: ({ phones }) => phones.deleteRecord(Infinity),
    errorClass: RecordValidationError,
    attribute: 'person_id',
    touches: 'phones',
  },
  {
    name: 'delete missing the sort key',
    call: ({ events }) => events.deleteRecord({ device_id: 'd1' }),
    errorClass: RecordValidationError,
    attribute: 'at',
    touches: 'events',
  },
  {
    name: 'batchGet with a bad id',
    call: ({ phones }) => phones.batchGet([1, 2, ILL('3')]),
    errorClass: RecordValidationError,
    attribute: 'ids[2].person_id',
  },
  {
    name: 'batchGet with ids that are not an array',
    call: ({ phones }) => phones.batchGet(ILL(1)),
    errorClass: RecordValidationError,
    attribute: 'ids',
  },
  {
    name: 'batchWrite delete with a bad id',
    call: ({ phones }) => phones.batchWrite({ delete: [1, ILL(null)] }),
    errorClass: RecordValidationError,
    attribute: 'delete[1].person_id',
    touches: 'phones',
  },
  {
    name: 'transaction check with a bad id',
    call: ({ client, events }) => transaction(client).check(events, { device_id: 'd1' }).commit(),
    errorClass: RecordValidationError,
    attribute: 'actions[0].at',
  },
];

const updateCases: BadInput[] = [
  {
    name: 'partition key change',
    call: ({ phones }) => phones.updateRecord(1, { person_id: 2 }),
    errorClass: RecordValidationError,
    attribute: 'person_id',
    touches: 'phones',
  },
  {
    name: 'sort key change',
    call: ({ events }) => events.updateRecord({ device_id: 'd1', at: 1 }, { at: 2 }),
    errorClass: RecordValidationError,
    attribute: 'at',
    touches: 'events',
  },
  {
    name: 'empty changes',
    call: ({ phones }) => phones.updateRecord(1, {}),
    errorClass: RecordValidationError,
    attribute: '(changes)',
    touches: 'phones',
  },
  {
    name: 'changes that are all undefined',
    call: ({ phones }) => phones.updateRecord(1, { name: undefined }),
    errorClass: RecordValidationError,
    attribute: '(changes)',
    touches: 'phones',
  },
  {
    name: 'changes that are not an object',
    call: ({ phones }) => phones.updateRecord(1, ILL('name=x')),
    errorClass: RecordValidationError,
    attribute: '(changes)',
    touches: 'phones',
  },
  {
    name: 'unknown attribute in changes',
    call: ({ phones }) => phones.updateRecord(1, ILL({ nickname: 'x' })),
    errorClass: RecordValidationError,
    attribute: 'nickname',
    touches: 'phones',
  },
  {
    name: 'own __proto__ key in changes',
    call: ({ phones }) => phones.updateRecord(1, JSON.parse('{"__proto__": {"name": "x"}}') as object),
    errorClass: RecordValidationError,
    attribute: '__proto__',
    touches: 'phones',
  },
  {
    name: 'type error in changes',
    call: ({ phones }) => phones.updateRecord(1, ILL({ name: 5 })),
    errorClass: RecordValidationError,
    attribute: 'name',
    touches: 'phones',
  },
  {
    name: 'categorical outside the list in changes',
    call: ({ phones }) => phones.updateRecord(1, ILL({ relationship: 'ENEMY' })),
    errorClass: RecordValidationError,
    attribute: 'relationship',
    touches: 'phones',
  },
  {
    name: 'null for a required attribute in changes',
    call: ({ phones }) => phones.updateRecord(1, { name: null }),
    errorClass: RecordValidationError,
    attribute: 'name',
    touches: 'phones',
  },
  {
    name: 'remove() on a required attribute',
    call: ({ phones }) => phones.updateRecord(1, { name: remove() }),
    errorClass: RecordValidationError,
    attribute: 'name',
    touches: 'phones',
  },
  {
    name: 'add() on a string',
    call: ({ phones }) => phones.updateRecord(1, { name: add(1) }),
    errorClass: RecordValidationError,
    attribute: 'name',
    touches: 'phones',
  },
  {
    name: 'add() of a string to a number',
    call: ({ edges }) => edges.updateRecord('e1', { count: add(ILL('1')) }),
    errorClass: RecordValidationError,
    attribute: 'count',
    touches: 'edges',
  },
  {
    name: 'addToSet with a wrong member type',
    call: ({ edges }) => edges.updateRecord('e1', { tags: addToSet(1) }),
    errorClass: RecordValidationError,
    attribute: 'tags',
    touches: 'edges',
  },
  {
    name: 'append([])',
    call: ({ edges }) => edges.updateRecord('e1', { list: append([]) }),
    errorClass: RecordValidationError,
    attribute: 'list',
    touches: 'edges',
  },
  {
    name: 'setIn on a non-map attribute',
    call: ({ edges }) => edges.updateRecord('e1', { name: setIn(['first'], 'x') }),
    errorClass: RecordValidationError,
    attribute: 'name',
    touches: 'edges',
  },
  {
    name: 'setIn with an unstorable value',
    call: ({ edges }) => edges.updateRecord('e1', { map: setIn(['k'], new Gadget()) }),
    errorClass: RecordValidationError,
    attribute: 'map',
    touches: 'edges',
  },
  {
    name: 'overlapping actions on one attribute',
    call: ({ edges }) => edges.updateRecord('e1', { map: [setIn(['a'], 1), setIn(['a', 'b'], 2)] }),
    errorClass: RecordValidationError,
    attribute: 'map',
    touches: 'edges',
  },
  {
    name: 'expectedVersion that is not a whole number',
    call: ({ jobs }) => jobs.updateRecord('j1', { status: 'SUCCESS' }, { expectedVersion: 1.5 }),
    errorClass: RecordValidationError,
    attribute: 'expectedVersion',
    touches: 'jobs',
  },
  {
    name: 'version given in the changes',
    call: ({ jobs }) => jobs.updateRecord('j1', { status: 'SUCCESS', version: 1 } as never),
    errorClass: RecordValidationError,
    attribute: 'version',
    touches: 'jobs',
  },
  {
    name: '@CreatedAt change',
    call: ({ jobs }) => jobs.updateRecord('j1', { created_at: new Date() }),
    errorClass: RecordValidationError,
    attribute: 'created_at',
    touches: 'jobs',
  },
  {
    name: '@UpdatedAt given',
    call: ({ jobs }) => jobs.updateRecord('j1', { updated_at: new Date() }),
    errorClass: RecordValidationError,
    attribute: 'updated_at',
    touches: 'jobs',
  },
  {
    name: 'class-validator failure in changes',
    call: ({ accounts }) => accounts.updateRecord('a1', { email: 'not-an-email' }),
    errorClass: RecordValidationError,
    attribute: 'email',
    touches: 'accounts',
  },
  {
    name: 'update with a bad id',
    call: ({ phones }) => phones.updateRecord('1', { name: 'x' }),
    errorClass: RecordValidationError,
    attribute: 'person_id',
    touches: 'phones',
  },
  {
    name: 'transaction update with a key change',
    call: ({ client, phones }) => transaction(client).update(phones, 1, { person_id: 2 }).commit(),
    errorClass: RecordValidationError,
    attribute: 'actions[0].person_id',
    touches: 'phones',
  },
];

const optionCases: BadInput[] = [
  // query and scan
  {
    name: 'unknown index in query',
    call: ({ statuses }) => statuses.query({ status: 'STARTED' }, { index: 'byNothing' }).page(),
    errorClass: RecordValidationError,
    attribute: 'index',
  },
  {
    name: 'query key naming a non-key attribute',
    call: ({ phones }) => phones.query({ name: 'Ada' }).page(),
    errorClass: RecordValidationError,
    attribute: 'name',
  },
  {
    name: 'query key of the wrong type',
    call: ({ phones }) => phones.query({ person_id: ILL('1') }).page(),
    errorClass: RecordValidationError,
    attribute: 'person_id',
  },
  {
    name: 'projection naming an unknown attribute in query',
    call: ({ phones }) => phones.query({ person_id: 1 }, { projection: [ILL<'name'>('nickname')] }).page(),
    errorClass: RecordValidationError,
    attribute: 'nickname',
  },
  {
    name: 'projection that is empty',
    call: ({ phones }) => phones.scan({ projection: [] }).page(),
    errorClass: RecordValidationError,
    attribute: 'projection',
  },
  {
    name: 'projection of an attribute the index does not project',
    call: ({ statuses }) => statuses.query({ name: 'job' }, { index: 'byName', projection: ['timestamp'] }).page(),
    errorClass: RecordValidationError,
    attribute: 'timestamp',
  },
  {
    name: 'filter on an unknown attribute',
    call: ({ phones }) => phones.scan({ filter: where('nickname').eq('x') }).page(),
    errorClass: RecordValidationError,
    attribute: 'nickname',
  },
  {
    name: 'filter value of the wrong type',
    call: ({ phones }) => phones.scan({ filter: where('name').eq(5) }).page(),
    errorClass: RecordValidationError,
    attribute: 'name',
  },
  {
    name: 'in([])',
    call: ({ phones }) => phones.scan({ filter: where('relationship').in([]) }).page(),
    errorClass: RecordValidationError,
    attribute: 'relationship',
  },
  {
    name: 'and() with nothing',
    call: ({ phones }) => phones.scan({ filter: and() }).page(),
    errorClass: RecordValidationError,
    attribute: 'filter',
  },
  {
    name: 'filter that is not a condition',
    call: ({ phones }) => phones.scan({ filter: ILL('name = Ada') }).page(),
    errorClass: RecordValidationError,
    attribute: 'filter',
  },
  {
    name: 'query filter on the partition key',
    call: ({ phones }) => phones.query({ person_id: 1 }, { filter: where('person_id').eq(1) }).page(),
    errorClass: RecordValidationError,
    attribute: 'person_id',
  },
  {
    name: 'bad cursor string',
    call: ({ phones }) => phones.scan().page({ cursor: 'not a cursor!' }),
    errorClass: RecordValidationError,
    attribute: 'cursor',
  },
  {
    name: 'cursor that does not decode',
    call: ({ phones }) => phones.scan().page({ cursor: 'abc' }),
    errorClass: RecordValidationError,
    attribute: 'cursor',
  },
  {
    name: 'cursor made for another table',
    call: ({ phones }) =>
      phones.scan().page({
        cursor: Buffer.from(
          JSON.stringify({ v: 1, o: 'scan', t: 'other-table', k: { person_id: ['N', '1'] } }),
        ).toString('base64url'),
      }),
    errorClass: RecordValidationError,
    attribute: 'cursor',
  },
  {
    name: 'limit 0',
    call: ({ phones }) => phones.scan({ limit: 0 }).page(),
    errorClass: RecordValidationError,
    attribute: 'limit',
  },
  {
    name: 'limit -1',
    call: ({ phones }) => phones.query({ person_id: 1 }, { limit: -1 }).page(),
    errorClass: RecordValidationError,
    attribute: 'limit',
  },
  {
    name: 'limit 1.5 on a page',
    call: ({ phones }) => phones.scan().page({ limit: 1.5 }),
    errorClass: RecordValidationError,
    attribute: 'limit',
  },
  {
    name: 'pageSize 0',
    call: ({ phones }) => phones.scan({ pageSize: 0 }).page(),
    errorClass: RecordValidationError,
    attribute: 'pageSize',
  },
  {
    name: 'segments 0',
    call: ({ phones }) => phones.scan({ segments: 0 }).page(),
    errorClass: RecordValidationError,
    attribute: 'segments',
  },
  {
    name: '.page() on a parallel scan',
    call: ({ phones }) => phones.scan({ segments: 2 }).page(),
    errorClass: RecordValidationError,
    attribute: 'segments',
  },
  {
    name: 'consistent read on a GSI',
    call: ({ statuses }) => statuses.query({ status: 'STARTED' }, { index: 'byStatus', consistent: true }).page(),
    errorClass: RecordValidationError,
    attribute: 'consistent',
  },
  {
    name: 'unknown scan option',
    call: ({ statuses }) => statuses.scan(ILL<ScanOptions<StatusQueryData>>({ indx: 'byStatus' })).page(),
    errorClass: RecordValidationError,
    attribute: 'indx',
  },
  {
    name: 'reverse that is not a boolean',
    call: ({ events }) => events.query({ device_id: 'd1' }, { reverse: ILL('yes') }).page(),
    errorClass: RecordValidationError,
    attribute: 'reverse',
  },
  {
    name: 'sortKey condition on a non-key attribute',
    call: ({ events }) => events.query({ device_id: 'd1' }, { sortKey: where('kind').eq('boot') }).page(),
    errorClass: RecordValidationError,
    attribute: 'kind',
  },
  {
    name: 'sortKey condition that is not a key condition',
    call: ({ events }) => events.query({ device_id: 'd1' }, { sortKey: where('at').ne(1) }).page(),
    errorClass: RecordValidationError,
    attribute: 'sortKey',
  },
  // createGsi
  {
    name: 'bad projection in createGsi',
    call: ({ statuses }) => statuses.createGsi('timestamp', { projection: ILL('SOME') }),
    errorClass: RecordValidationError,
    attribute: 'projection',
  },
  {
    name: 'createGsi projection of an unknown attribute',
    call: ({ statuses }) => statuses.createGsi('timestamp', { projection: { include: ['nickname'] } }),
    errorClass: RecordValidationError,
    attribute: 'nickname',
  },
  {
    name: 'createGsi on an unknown attribute',
    call: ({ statuses }) => statuses.createGsi('nickname'),
    errorClass: RecordValidationError,
    attribute: 'nickname',
  },
  {
    name: 'createGsi on a set attribute',
    call: ({ statuses }) => statuses.createGsi('tags'),
    errorClass: RecordValidationError,
    attribute: 'tags',
  },
  // write options
  {
    name: 'condition on an unknown attribute',
    call: ({ phones }) => phones.updateRecord(1, { name: 'x' }, { condition: where('nickname').exists() }),
    errorClass: RecordValidationError,
    attribute: 'nickname',
    touches: 'phones',
  },
  {
    name: 'condition value of the wrong type',
    call: ({ phones }) => phones.deleteRecord(1, { condition: where('name').eq(5) }),
    errorClass: RecordValidationError,
    attribute: 'name',
    touches: 'phones',
  },
  {
    name: 'condition comparing with null',
    call: ({ phones }) => phones.deleteRecord(1, { condition: where('name').eq(null) }),
    errorClass: RecordValidationError,
    attribute: 'name',
    touches: 'phones',
  },
  {
    name: 'condition path into a string',
    call: ({ phones }) => phones.deleteRecord(1, { condition: where(['name', 'first']).exists() }),
    errorClass: RecordValidationError,
    attribute: 'name.first',
    touches: 'phones',
  },
  {
    name: 'unknown write option',
    call: ({ phones }) => phones.updateRecord(1, { name: 'x' }, ILL({ conditon: where('name').exists() })),
    errorClass: RecordValidationError,
    attribute: 'conditon',
    touches: 'phones',
  },
  {
    name: 'expectedVersion on a model without @Version',
    call: ({ phones }) => phones.deleteRecord(1, { expectedVersion: 1 }),
    errorClass: RecordValidationError,
    attribute: 'expectedVersion',
    touches: 'phones',
  },
  {
    name: 'expectedVersion that is not a whole number',
    call: ({ jobs }) => jobs.deleteRecord('j1', { expectedVersion: 1.5 }),
    errorClass: RecordValidationError,
    attribute: 'expectedVersion',
    touches: 'jobs',
  },
  // getRecord
  {
    name: 'unknown getRecord option',
    call: ({ phones }) => phones.getRecord(1, ILL({ consistant: true })),
    errorClass: RecordValidationError,
    attribute: 'consistant',
  },
  {
    name: 'getRecord consistent that is not a boolean',
    call: ({ phones }) => phones.getRecord(1, { consistent: ILL('yes') }),
    errorClass: RecordValidationError,
    attribute: 'consistent',
  },
  // batches
  {
    name: 'batch concurrency 0',
    call: ({ phones }) => phones.batchGet([1], { concurrency: 0 }),
    errorClass: RecordValidationError,
    attribute: 'concurrency',
  },
  {
    name: 'batchWrite with a misspelt part (putt)',
    call: ({ phones }) => phones.batchWrite({ putt: [phone()] } as never),
    errorClass: RecordValidationError,
    attribute: 'putt',
    touches: 'phones',
  },
  {
    name: 'batchGet with a misspelt option (concurency)',
    call: ({ phones }) => phones.batchGet([1], { concurency: 2 } as never),
    errorClass: RecordValidationError,
    attribute: 'concurency',
  },
  {
    name: 'batchGet with consistent: "yes"',
    call: ({ phones }) => phones.batchGet([1], { consistent: 'yes' } as never),
    errorClass: RecordValidationError,
    attribute: 'consistent',
  },
  {
    name: 'batch maxRetries -1',
    call: ({ phones }) => phones.batchWrite({ delete: [1] }, { maxRetries: -1 }),
    errorClass: RecordValidationError,
    attribute: 'maxRetries',
    touches: 'phones',
  },
  // transactions
  {
    name: 'transaction of 101 actions',
    call: ({ client, phones }) =>
      Array.from({ length: 101 }, (_, index) => index + 1)
        .reduce((t, id) => t.check(phones, id), transaction(client))
        .commit(),
    errorClass: RecordValidationError,
    attribute: 'actions',
  },
  {
    name: 'transaction of no action',
    call: ({ client }) => transaction(client).commit(),
    errorClass: RecordValidationError,
    attribute: 'actions',
  },
  {
    name: 'transaction naming one item twice',
    call: ({ client, phones }) => transaction(client).update(phones, 1, { name: 'x' }).delete(phones, 1).commit(),
    errorClass: RecordValidationError,
    attribute: 'actions[1]',
    touches: 'phones',
  },
  {
    name: 'transaction clientRequestToken over 36 characters',
    call: ({ client, phones }) =>
      transaction(client)
        .update(phones, 1, { name: 'x' })
        .commit({ clientRequestToken: 't'.repeat(37) }),
    errorClass: RecordValidationError,
    attribute: 'clientRequestToken',
    touches: 'phones',
  },
  {
    name: 'transaction action on something that is not a repository',
    call: ({ client }) =>
      transaction(client)
        .delete(ILL<Repository<PhoneData>>({ tableName: 'phones' }), 1)
        .commit(),
    errorClass: RecordValidationError,
    attribute: 'actions[0].repository',
  },
];

const categories: Readonly<Record<Category, readonly BadInput[]>> = {
  schema: schemaCases,
  record: recordCases,
  id: idCases,
  update: updateCases,
  option: optionCases,
};

const catalog: readonly BadInput[] = Object.entries(categories).flatMap(([category, cases]) =>
  cases.map((each) => ({ ...each, name: `${category}: ${each.name}` })),
);

// ---- the harness ----

const repositoryModels = {
  phones: PhoneData,
  edges: EdgeData,
  events: EventData,
  statuses: StatusQueryData,
  accounts: AccountData,
  jobs: JobData,
  pairs: StringPairData,
  binaries: BinaryPairData,
} as const;

type Item = Record<string, AttributeValue>;

/** Every item of a table, read raw through `client`, in a stable order. */
async function tableContents(client: DynamoDBClient, tableName: string): Promise<Item[]> {
  const { Items: items = [] } = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
  return items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function matches(text: string, attribute: string | RegExp): boolean {
  return typeof attribute === 'string' ? text.includes(attribute) : attribute.test(text);
}

describe('the bad-input catalog', () => {
  it('holds at least 60 distinct cases, each category represented', () => {
    expect(new Set(catalog.map((each) => each.name)).size).toBe(catalog.length);
    expect(catalog.length).toBeGreaterThanOrEqual(60);
    for (const cases of Object.values(categories)) expect(cases.length).toBeGreaterThan(0);
  });
});

describe.each(engines)('bad inputs on $name', (engine: TestEngine) => {
  const tableNames = Object.fromEntries(
    Object.keys(repositoryModels).map((name) => [name, uniqueTableName(`bad-${name}`)]),
  ) as Record<RepoName, string>;
  // the normal client seeds and reads back; the repositories under test send through the recording one
  const recording = recordingClient(engine.endpoint);
  const repos = {
    client: recording.client,
    ...(Object.fromEntries(
      Object.entries(repositoryModels).map(([name, model]) => [
        name,
        new Repository(model as never, { client: recording.client, tableName: tableNames[name as RepoName] }),
      ]),
    ) as Omit<Repos, 'client'>),
  } as Repos;
  const seededRecords = new Map<RepoName, unknown>();
  const seededItems = new Map<RepoName, Item[]>();
  let normal: Record<RepoName, Repository<object>>;

  beforeAll(async () => {
    const client = engine.client();
    normal = Object.fromEntries(
      Object.entries(repositoryModels).map(([name, model]) => [
        name,
        new Repository(model as never, { client, tableName: tableNames[name as RepoName] }),
      ]),
    ) as Record<RepoName, Repository<object>>;
    await Promise.all(
      (Object.keys(normal) as RepoName[]).map(async (name) => {
        await normal[name].createTable();
        seededRecords.set(name, await normal[name].createRecord(seeds[name]));
        seededItems.set(name, await tableContents(client, tableNames[name]));
      }),
    );
  });

  afterAll(() => recording.client.destroy());

  beforeEach(() => {
    recording.sent.length = 0;
  });

  it('the harness sees requests: a valid read through the same repositories is recorded', async () => {
    await expect(repos.phones.getRecord(1)).resolves.toEqual(seededRecords.get('phones'));
    await repos.phones.scan({ filter: where('name').eq('Ada') }).page();
    expect(recording.sent).toEqual(['GetItemCommand', 'ScanCommand']);
  });

  it.each(catalog)('$name', async ({ call, errorClass, attribute, touches }) => {
    const error = await Promise.resolve()
      .then(() => call(repos))
      .then(
        () => 'no error: the call resolved',
        (thrown: unknown) => thrown,
      );
    // class and requests together, so a failure shows both (e.g. an engine error after a send)
    expect({ error: error instanceof Error ? error.name : error, sent: recording.sent }).toEqual({
      error: errorClass.name,
      sent: [],
    });
    expect(error).toBeInstanceOf(errorClass);
    const { message } = error as Error;
    expect(matches(message, attribute)).toBe(true);
    if (error instanceof RecordValidationError) {
      const named = error.issues.map((issue) => issue.attribute);
      expect(named).toContainEqual(typeof attribute === 'string' ? attribute : expect.stringMatching(attribute));
    }
    if (touches) {
      expect(await tableContents(engine.client(), tableNames[touches])).toEqual(seededItems.get(touches));
      await expect(normal[touches].getRecord(seedIds[touches] as never)).resolves.toEqual(seededRecords.get(touches));
    }
  });
});
