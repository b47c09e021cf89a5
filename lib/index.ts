import 'reflect-metadata';

export { Table } from './decorators/Table';
export { PartitionKey } from './decorators/PartitionKey';
export { SortKey } from './decorators/SortKey';
export { Attribute } from './decorators/Attribute';
export { Categorical } from './decorators/Categorical';
export type { AttributeOptions, AttributeType, ProvisionedCapacity, TableDeclaration } from './metadata/declarations';

export { enumsOf } from './schema/enumsOf';
export type { ModelEnums } from './schema/enumsOf';
export type { ModelClass } from './schema/CompiledSchema';

export { Repository } from './repository/Repository';
export type { CreateResult, GetOptions, RecordData, RepositoryOptions } from './repository/Repository';
export type { RecordId } from './marshalling/toKey';
export type { GsiOptions, IndexProjection } from './validation/checkIndexOptions';

export { OrmError } from './errors/OrmError';
export { SchemaError } from './errors/SchemaError';
export { RecordValidationError } from './errors/RecordValidationError';
export type { ValidationIssue } from './errors/ValidationIssue';
export { RecordNotFoundError } from './errors/RecordNotFoundError';
export { RecordExistsError } from './errors/RecordExistsError';
export { ConditionFailedError } from './errors/ConditionFailedError';
export { UnsupportedCapabilityError } from './errors/UnsupportedCapabilityError';
export { WaitTimeoutError } from './errors/WaitTimeoutError';

export { startDynamoDBLocal } from './engines/startDynamoDBLocal';
export { startDynalite } from './engines/startDynalite';
export { EngineError } from './engines/EngineError';
export type { RunningEngine } from './engines/RunningEngine';
