import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamsRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';

/**
 * Every record of a table's stream so far, in sequence order, read as a stream consumer reads it:
 * DescribeStream, GetShardIterator (TRIM_HORIZON) and GetRecords against the engine's endpoint.
 */
export async function readStream(
  client: DynamoDBClient,
  endpoint: string,
  tableName: string,
): Promise<StreamsRecord[]> {
  const { Table: table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const streamArn = table?.LatestStreamArn;
  if (!streamArn) throw new Error(`${tableName} has no stream`);
  const streams = new DynamoDBStreamsClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const records: StreamsRecord[] = [];
    const { StreamDescription: description } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const { ShardId: shardId } of description?.Shards ?? []) {
      const start = new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: 'TRIM_HORIZON',
      });
      let iterator = (await streams.send(start)).ShardIterator;
      while (iterator) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
        // an open shard's iterator never runs out: the first empty page is the end of what was written
        if (!page.Records?.length) break;
        records.push(...page.Records);
        iterator = page.NextShardIterator;
      }
    }
    const sequence = (record: StreamsRecord) => BigInt(record.dynamodb?.SequenceNumber ?? '0');
    return records.sort((a, b) => (sequence(a) < sequence(b) ? -1 : sequence(a) > sequence(b) ? 1 : 0));
  } finally {
    streams.destroy();
  }
}

/**
 * The record as a Lambda handler would receive it: the JSON of the event, where a binary is a
 * base64 string and ApproximateCreationDateTime is epoch seconds.
 */
export function toLambdaRecord(record: object): DynamoDBRecord {
  const json = JSON.stringify(record, function (this: Record<string, unknown>, key: string, value: unknown) {
    const original = this[key];
    if (original instanceof Uint8Array) return Buffer.from(original).toString('base64');
    if (original instanceof Date) return Math.floor(original.getTime() / 1000);
    return value;
  });
  return JSON.parse(json) as DynamoDBRecord;
}
