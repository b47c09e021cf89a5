import '../quiet';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BatchWriteItemCommand,
  QueryCommand,
  type AttributeValue,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { Repository } from 'dynamodb-decorators';
import { createClient } from '../clients';
import { progress, required, runSuite } from '../child';
import { QUERY_PAGE_SIZE, rounds, sizes } from '../config';
import { BookEntry, phoneRecord, type PhoneRecord } from '../models';
import type { BulkResult } from '../results';
import { collectGarbage, now } from '../stats';

// batchWrite of N items, then a paginated query of the same N items (one partition), ours
// against the raw SDK doing the same chunking (25 per request, 4 in flight, unprocessed items
// retried with full-jitter backoff) and the same pagination (Limit QUERY_PAGE_SIZE).

type BookRecord = PhoneRecord & { book: string };

interface BulkContender {
  readonly name: string;
  batchWrite(records: readonly BookRecord[]): Promise<void>;
  /** Reads the whole partition; returns how many records and requests. */
  query(book: string): Promise<{ count: number; pages: number }>;
}

const TABLE = 'bench-book';
const CONCURRENCY = 4;
const MAX_RETRIES = 8;

function oursContender(client: DynamoDBClient): BulkContender {
  const repo = new Repository(BookEntry, { client, tableName: TABLE });
  return {
    name: 'ours',
    async batchWrite(records) {
      const { unprocessed, errors } = await repo.batchWrite(
        { put: records },
        { concurrency: CONCURRENCY, maxRetries: MAX_RETRIES },
      );
      if (unprocessed.put.length > 0 || errors.length > 0)
        throw new Error(`ours: ${unprocessed.put.length} unprocessed, ${errors.length} errors`);
    },
    async query(book) {
      let count = 0;
      for await (const entry of repo.query({ book }, { pageSize: QUERY_PAGE_SIZE }))
        if (entry.book === book) count += 1;
      return { count, pages: Math.ceil(count / QUERY_PAGE_SIZE) };
    },
  };
}

function rawContender(client: DynamoDBClient): BulkContender {
  return {
    name: 'raw',
    async batchWrite(records) {
      const chunks: WriteRequest[][] = [];
      for (let start = 0; start < records.length; start += 25) {
        chunks.push(records.slice(start, start + 25).map((record) => ({ PutRequest: { Item: marshall(record) } })));
      }
      let next = 0;
      const worker = async () => {
        while (next < chunks.length) {
          let pending = chunks[next++]!;
          for (let attempt = 0; pending.length > 0; attempt += 1) {
            if (attempt > MAX_RETRIES) throw new Error(`raw: ${pending.length} unprocessed`);
            if (attempt > 0) await sleep(Math.random() * Math.min(2000, 50 * 2 ** (attempt - 1)));
            const output = await client.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: pending } }));
            pending = output.UnprocessedItems?.[TABLE] ?? [];
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    },
    async query(book) {
      let count = 0;
      let pages = 0;
      let startKey: Record<string, AttributeValue> | undefined;
      do {
        const output = await client.send(
          new QueryCommand({
            TableName: TABLE,
            KeyConditionExpression: '#n0 = :v0',
            ExpressionAttributeNames: { '#n0': 'book' },
            ExpressionAttributeValues: { ':v0': { S: book } },
            Limit: QUERY_PAGE_SIZE,
            ...(startKey && { ExclusiveStartKey: startKey }),
          }),
        );
        pages += 1;
        for (const item of output.Items ?? []) if (unmarshall(item)['book'] === book) count += 1;
        startKey = output.LastEvaluatedKey;
      } while (startKey);
      return { count, pages };
    },
  };
}

async function main(args: Record<string, string>): Promise<BulkResult> {
  const endpoint = required(args, 'endpoint');
  const setting = args['engine'] ?? endpoint;
  const clientFor = () => createClient({ kind: 'engine', endpoint });
  const admin = clientFor();
  await new Repository(BookEntry, { client: admin, tableName: TABLE }).createTable();
  const contenders = [rawContender(clientFor()), oursContender(clientFor())];
  const batchWriteMs: Record<string, number[]> = {};
  const queryMs: Record<string, number[]> = {};
  let queryPages = 0;
  const recordsOf = (book: string, count: number): BookRecord[] =>
    Array.from({ length: count }, (_, index) => ({ book, ...phoneRecord(index + 1) }));

  const runOnce = async (contender: BulkContender, book: string, count: number): Promise<[number, number]> => {
    const records = recordsOf(book, count);
    collectGarbage();
    let start = now();
    await contender.batchWrite(records);
    const write = now() - start;
    collectGarbage();
    start = now();
    const read = await contender.query(book);
    const query = now() - start;
    if (read.count !== count) throw new Error(`${contender.name}: query of ${book} found ${read.count} of ${count}`);
    if (contender.name === 'raw') queryPages = read.pages;
    return [write, query];
  };

  progress(`${setting} bulk: warm-up`);
  for (const contender of contenders)
    await runOnce(contender, `warm-${contender.name}`, Math.min(500, sizes.bulkItems));
  for (let round = 0; round < rounds.bulk; round += 1) {
    for (const contender of contenders) {
      const [write, query] = await runOnce(contender, `book-${round}-${contender.name}`, sizes.bulkItems);
      (batchWriteMs[contender.name] ??= []).push(write);
      (queryMs[contender.name] ??= []).push(query);
    }
    progress(
      `${setting} bulk round ${round + 1}/${rounds.bulk} (ms write/query): ${contenders.map((c) => `${c.name} ${batchWriteMs[c.name]!.at(-1)!.toFixed(0)}/${queryMs[c.name]!.at(-1)!.toFixed(0)}`).join(', ')}`,
    );
  }
  admin.destroy();
  return {
    setting,
    items: sizes.bulkItems,
    rounds: rounds.bulk,
    pageSize: QUERY_PAGE_SIZE,
    batchWriteMs,
    queryMs,
    queryPages,
  };
}

runSuite(main);
