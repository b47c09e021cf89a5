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

/** What a response says about cost and size: consumed capacity (as a list) and, for reads, item counts. */
export interface ResponseFigures {
  consumedCapacity?: readonly ConsumedCapacity[];
  count?: number;
  scannedCount?: number;
}

/** The figures of an operation's output. */
export function responseFigures(operation: OperationName, output: object): ResponseFigures {
  const figures: ResponseFigures = {};
  const { ConsumedCapacity: capacity } = output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] };
  if (capacity !== undefined) figures.consumedCapacity = Array.isArray(capacity) ? capacity : [capacity];
  if (operation === 'GetItem') {
    figures.count = (output as GetItemCommandOutput).Item ? 1 : 0;
  } else if (operation === 'Query' || operation === 'Scan') {
    const { Count, ScannedCount } = output as QueryCommandOutput;
    if (Count !== undefined) figures.count = Count;
    if (ScannedCount !== undefined) figures.scannedCount = ScannedCount;
  } else if (operation === 'BatchGetItem') {
    const responses = (output as BatchGetItemCommandOutput).Responses ?? {};
    figures.count = Object.values(responses).reduce((sum, items) => sum + items.length, 0);
  }
  return figures;
}
