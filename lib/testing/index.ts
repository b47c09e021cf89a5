// dynamodb-decorators/testing: what tests need and production code must not load (engines, test tables).

export { startDynamoDBLocal } from '../engines/startDynamoDBLocal';
export type { DynamoDBLocalEngine, StartDynamoDBLocalOptions } from '../engines/startDynamoDBLocal';
export { startDynalite } from '../engines/startDynalite';
export type { StartDynaliteOptions } from '../engines/startDynalite';
export { EngineError } from '../engines/EngineError';
export type { EngineErrorOptions } from '../engines/EngineError';
export type { EngineName, RunningEngine } from '../engines/RunningEngine';
export { engineNames, startEngines } from './startEngines';

export { TEST_ENDPOINT_VARIABLE, TEST_ENGINE_VARIABLE, testEndpoint } from './globalEngine';
export { testTables, useTestTables } from './testTables';
export type { RepositoryClass, RepositoryFor, TableSource, TestTables, TestTablesOptions } from './testTables';
export { deleteTable } from './deleteTable';
export type { DeleteTableOptions } from './deleteTable';
export { uniqueTableName } from './uniqueTableName';
