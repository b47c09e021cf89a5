import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type BatchGetItemCommandInput,
  type BatchGetItemCommandOutput,
  type BatchWriteItemCommandInput,
  type BatchWriteItemCommandOutput,
  type ConsumedCapacity,
  type CreateTableCommandInput,
  type CreateTableCommandOutput,
  type DeleteItemCommandInput,
  type DeleteItemCommandOutput,
  type DeleteTableCommandInput,
  type DeleteTableCommandOutput,
  type DescribeTableCommandInput,
  type DescribeTableCommandOutput,
  type DescribeTimeToLiveCommandInput,
  type DescribeTimeToLiveCommandOutput,
  type GetItemCommandInput,
  type GetItemCommandOutput,
  type PutItemCommandInput,
  type PutItemCommandOutput,
  type QueryCommandInput,
  type QueryCommandOutput,
  type ScanCommandInput,
  type ScanCommandOutput,
  type TransactGetItemsCommandInput,
  type TransactGetItemsCommandOutput,
  type TransactWriteItemsCommandInput,
  type TransactWriteItemsCommandOutput,
  type UpdateItemCommandInput,
  type UpdateItemCommandOutput,
  type UpdateTableCommandInput,
  type UpdateTableCommandOutput,
  type UpdateTimeToLiveCommandInput,
  type UpdateTimeToLiveCommandOutput,
} from '@aws-sdk/client-dynamodb';

/** The input and output of every DynamoDB operation the library sends. */
export interface Operations {
  BatchGetItem: { input: BatchGetItemCommandInput; output: BatchGetItemCommandOutput };
  BatchWriteItem: { input: BatchWriteItemCommandInput; output: BatchWriteItemCommandOutput };
  CreateTable: { input: CreateTableCommandInput; output: CreateTableCommandOutput };
  DeleteItem: { input: DeleteItemCommandInput; output: DeleteItemCommandOutput };
  DeleteTable: { input: DeleteTableCommandInput; output: DeleteTableCommandOutput };
  DescribeTable: { input: DescribeTableCommandInput; output: DescribeTableCommandOutput };
  DescribeTimeToLive: { input: DescribeTimeToLiveCommandInput; output: DescribeTimeToLiveCommandOutput };
  GetItem: { input: GetItemCommandInput; output: GetItemCommandOutput };
  PutItem: { input: PutItemCommandInput; output: PutItemCommandOutput };
  Query: { input: QueryCommandInput; output: QueryCommandOutput };
  Scan: { input: ScanCommandInput; output: ScanCommandOutput };
  TransactGetItems: { input: TransactGetItemsCommandInput; output: TransactGetItemsCommandOutput };
  TransactWriteItems: { input: TransactWriteItemsCommandInput; output: TransactWriteItemsCommandOutput };
  UpdateItem: { input: UpdateItemCommandInput; output: UpdateItemCommandOutput };
  UpdateTable: { input: UpdateTableCommandInput; output: UpdateTableCommandOutput };
  UpdateTimeToLive: { input: UpdateTimeToLiveCommandInput; output: UpdateTimeToLiveCommandOutput };
}

/** A DynamoDB operation the library sends: `'GetItem'`. */
export type OperationName = keyof Operations;

/** The SDK command of each operation (typed loosely: `Pipeline.send` types its input and output by operation). */
export const COMMANDS: Readonly<Record<OperationName, new (input: never) => object>> = {
  BatchGetItem: BatchGetItemCommand,
  BatchWriteItem: BatchWriteItemCommand,
  CreateTable: CreateTableCommand,
  DeleteItem: DeleteItemCommand,
  DeleteTable: DeleteTableCommand,
  DescribeTable: DescribeTableCommand,
  DescribeTimeToLive: DescribeTimeToLiveCommand,
  GetItem: GetItemCommand,
  PutItem: PutItemCommand,
  Query: QueryCommand,
  Scan: ScanCommand,
  TransactGetItems: TransactGetItemsCommand,
  TransactWriteItems: TransactWriteItemsCommand,
  UpdateItem: UpdateItemCommand,
  UpdateTable: UpdateTableCommand,
  UpdateTimeToLive: UpdateTimeToLiveCommand,
};

/** The operations that take `ReturnConsumedCapacity` (DynamoDB refuses it elsewhere). */
export const CAPACITY_OPERATIONS: ReadonlySet<OperationName> = new Set<OperationName>([
  'BatchGetItem',
  'BatchWriteItem',
  'DeleteItem',
  'GetItem',
  'PutItem',
  'Query',
  'Scan',
  'TransactGetItems',
  'TransactWriteItems',
  'UpdateItem',
]);

/** The operations that change a table's definition: logged at `info`, where item requests are `debug`. */
export const TABLE_CHANGES: ReadonlySet<OperationName> = new Set<OperationName>([
  'CreateTable',
  'DeleteTable',
  'UpdateTable',
  'UpdateTimeToLive',
]);

/** DynamoDB's ConsumedCapacity in an output, as a list (batches and transactions give one, the others an object). */
export function consumedCapacityOf(output: object): readonly ConsumedCapacity[] | undefined {
  const { ConsumedCapacity: capacity } = output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] };
  return capacity === undefined || Array.isArray(capacity) ? capacity : [capacity];
}

/** Items read: 0 or 1 for GetItem, the items of every table for BatchGetItem, Query and Scan's `Count`; else undefined. */
export function countOf(operation: OperationName, output: object): number | undefined {
  switch (operation) {
    case 'GetItem':
      return (output as GetItemCommandOutput).Item ? 1 : 0;
    case 'Query':
    case 'Scan':
      return (output as QueryCommandOutput).Count;
    case 'TransactGetItems':
      return ((output as TransactGetItemsCommandOutput).Responses ?? []).filter((response) => response?.Item).length;
    case 'BatchGetItem':
      return Object.values((output as BatchGetItemCommandOutput).Responses ?? {}).reduce(
        (sum, items) => sum + items.length,
        0,
      );
    default:
      return undefined;
  }
}

/** Query and Scan's `ScannedCount` (items examined before the filter); else undefined. */
export function scannedCountOf(operation: OperationName, output: object): number | undefined {
  return operation === 'Query' || operation === 'Scan' ? (output as QueryCommandOutput).ScannedCount : undefined;
}
