import 'reflect-metadata';

export { Table } from './decorators/Table';
export { PartitionKey } from './decorators/PartitionKey';
export { SortKey } from './decorators/SortKey';
export { Attribute } from './decorators/Attribute';
export { Categorical } from './decorators/Categorical';
export { GlobalIndex } from './decorators/GlobalIndex';
export type { GlobalIndexOptions } from './decorators/GlobalIndex';
export { LocalIndex } from './decorators/LocalIndex';
export type { LocalIndexOptions } from './decorators/LocalIndex';
export { Version } from './decorators/Version';
export { CreatedAt } from './decorators/CreatedAt';
export { UpdatedAt } from './decorators/UpdatedAt';
export { Ttl } from './decorators/Ttl';
export type {
  AttributeOptions,
  AttributeType,
  Converter,
  DateStorage,
  IndexProjection,
  KeyOptions,
  NestedClass,
  ProvisionedCapacity,
  StoredType,
  StoredValue,
  StreamView,
  TableDeclaration,
} from './metadata/declarations';

export { ModelTypes } from './types/ModelTypes';
export type { AnyModel, IndexName, ModelTypesDeclaration } from './types/ModelTypes';
export type {
  BinaryConditions,
  CollectionConditions,
  ComparableConditions,
  ConditionsOn,
  MapConditions,
  ModelWhere,
  OrderedConditions,
  SizedConditions,
  StringConditions,
  ValueConditions,
} from './types/conditions';
export type { PathOf } from './types/attributes';

export { enumsOf } from './schema/enumsOf';
export type { ModelEnums } from './schema/enumsOf';
export type { ModelClass } from './schema/CompiledSchema';

export { Repository } from './repository/Repository';
export type { RecordData, RecordId, RecordKey, UpdateChanges } from './types/records';
export type {
  DeleteOptions,
  GetOptions,
  GsiOptions,
  RepositoryOptions,
  UpdateOptions,
  VersionedWriteOptions,
  WriteOptions,
} from './repository/options';
export type { CreateTableResult } from './repository/manageTable';
export type { BatchOptions } from './repository/sendChunks';
export type { BatchGetOptions, BatchGetResult } from './repository/batchGet';
export type { BatchWriteItems, BatchWriteResult } from './repository/batchWrite';
export type { StreamChange, StreamEventName, StreamRecordInput } from './streams/fromStreamRecord';

export { where, and, or, not, Condition, AttributeConditions, Comparisons } from './expressions/conditions';
export type { AttributeTypeCode } from './expressions/conditions';
export type { AttributePath } from './expressions/AttributePath';
export {
  add,
  remove,
  append,
  prepend,
  addToSet,
  deleteFromSet,
  ifNotExists,
  setIn,
  removeIn,
  UpdateAction,
} from './expressions/updates';
export { Query } from './repository/Query';
export { Scan } from './repository/Scan';
export type { Page } from './repository/PagedRead';
export type { PageOptions } from './repository/readOptions';
export type {
  AttributeName,
  CollectionQueryOptions,
  QueryKey,
  QueryOptions,
  ReadOptions,
  ScanOptions,
} from './repository/readOptions';
export { collection } from './repository/Collection';
export type { Collection, ModelOf } from './repository/Collection';

export { OrmError } from './errors/OrmError';
export { SchemaError } from './errors/SchemaError';
export { RecordValidationError } from './errors/RecordValidationError';
export type { ValidationIssue } from './errors/ValidationIssue';
export { RecordNotFoundError } from './errors/RecordNotFoundError';
export { StoredValueError } from './errors/StoredValueError';
export { RecordExistsError } from './errors/RecordExistsError';
export { ConditionFailedError } from './errors/ConditionFailedError';
export { EntityMismatchError } from './errors/EntityMismatchError';
export { UnsupportedCapabilityError } from './errors/UnsupportedCapabilityError';
export { WaitTimeoutError } from './errors/WaitTimeoutError';
export { TransactionCanceledError } from './errors/TransactionCanceledError';
export type {
  TransactionActionFailure,
  TransactionActionKind,
  TransactionCancellationReason,
} from './errors/TransactionCanceledError';
export { TransactionActionError } from './errors/TransactionActionError';
export { SetupError } from './errors/SetupError';
export { TableNotFoundError } from './errors/TableNotFoundError';
export { EndpointUnreachableError } from './errors/EndpointUnreachableError';
export { MissingRegionError } from './errors/MissingRegionError';
export { MissingCredentialsError } from './errors/MissingCredentialsError';

export { transaction, Transaction } from './transactions/Transaction';
export type { CommitOptions, TransactionOptions } from './transactions/Transaction';
export { readTransaction } from './transactions/ReadTransaction';
export type { ReadId, ReadTransaction } from './transactions/ReadTransaction';

export type {
  Logger,
  LogMethod,
  LogValues,
  ObservationOptions,
  RequestErrorEvent,
  RequestEvent,
  RequestHooks,
  RequestOutcome,
  ResponseEvent,
} from './pipeline/ObservationOptions';
