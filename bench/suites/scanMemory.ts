import '../quiet';
import {
  BatchWriteItemCommand,
  DescribeTableCommand,
  ScanCommand,
  type AttributeValue,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { Repository } from 'dynamodb-decorators';
import { createClient } from '../clients';
import { progress, required, runSuite } from '../child';
import { sizes } from '../config';
import { PhoneData, phoneRecord } from '../models';
import type { ScanMemoryResult } from '../results';
import { collectGarbage, now } from '../stats';

// Peak RSS while iterating a scan of the whole table. `--role seed` fills the table (raw
// BatchWriteItem, 4 requests in flight); `--role scan --contender ours|raw` is one scanner, in a
// fresh process whose only work is the scan, so its RSS growth is the scan's.

export const SCAN_TABLE = 'bench-scan';
const SAMPLE_EVERY_MS = 50;

async function seed(endpoint: string): Promise<{ items: number; ms: number }> {
  const client = createClient({ kind: 'engine', endpoint });
  await new Repository(PhoneData, { client, tableName: SCAN_TABLE }).createTable();
  const start = now();
  let next = 0;
  const total = sizes.scanItems;
  const worker = async () => {
    while (next < total) {
      const first = next;
      next = Math.min(total, next + 25);
      let pending: WriteRequest[] = [];
      for (let id = first + 1; id <= next; id += 1) pending.push({ PutRequest: { Item: marshall(phoneRecord(id)) } });
      while (pending.length > 0) {
        const output = await client.send(new BatchWriteItemCommand({ RequestItems: { [SCAN_TABLE]: pending } }));
        pending = output.UnprocessedItems?.[SCAN_TABLE] ?? [];
      }
      if (next % 20_000 < 25) progress(`seeded ${next}/${total}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  client.destroy();
  return { items: total, ms: now() - start };
}

async function scan(endpoint: string, contender: string, retained: boolean): Promise<ScanMemoryResult> {
  const client = createClient({ kind: 'engine', endpoint });
  const repo = new Repository(PhoneData, { client, tableName: SCAN_TABLE });
  // everything loaded and one request made before the baseline: what is measured is the scan
  await client.send(new DescribeTableCommand({ TableName: SCAN_TABLE }));
  if (contender === 'ours') await repo.scan().page({ limit: 1 });
  else await client.send(new ScanCommand({ TableName: SCAN_TABLE, Limit: 1 }));
  collectGarbage();
  collectGarbage();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeapUsed = baseline.heapUsed;
  let samples = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    samples += 1;
    if (usage.rss > peakRss) peakRss = usage.rss;
    if (usage.heapUsed > peakHeapUsed) peakHeapUsed = usage.heapUsed;
  };
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  const start = now();
  let items = 0;
  let pages = 0;
  // --retained 1: a full GC at every fifth of the table and the heap still in use then, which
  // stays flat unless iteration holds on to what it has read (these GCs lower the peaks: not for them)
  const retainedHeap: number[] = [];
  const fifth = Math.max(1, Math.floor(sizes.scanItems / 5));
  const measure = () => {
    if (items % 1000 === 0) sample(); // also between timer ticks: a page is decoded without yielding to timers
    if (retained && items % fifth === 0) {
      collectGarbage();
      retainedHeap.push(process.memoryUsage().heapUsed - baseline.heapUsed);
    }
  };
  if (contender === 'ours') {
    for await (const record of repo.scan()) {
      if (record.person_id > 0) items += 1;
      measure();
    }
  } else if (contender === 'raw') {
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const output = await client.send(
        new ScanCommand({ TableName: SCAN_TABLE, ...(startKey && { ExclusiveStartKey: startKey }) }),
      );
      pages += 1;
      for (const item of output.Items ?? []) {
        if ((unmarshall(item)['person_id'] as number) > 0) items += 1;
        measure();
      }
      startKey = output.LastEvaluatedKey;
    } while (startKey);
  } else {
    throw new Error(`unknown contender ${contender}`);
  }
  const ms = now() - start;
  clearInterval(timer);
  sample();
  client.destroy();
  if (items !== sizes.scanItems) throw new Error(`${contender} scanned ${items} of ${sizes.scanItems} items`);
  return {
    contender,
    items,
    ms,
    pages,
    baselineRss: baseline.rss,
    peakRss,
    baselineHeapUsed: baseline.heapUsed,
    peakHeapUsed,
    samples,
    ...(retained && { retainedHeap }),
  };
}

runSuite(async (args) => {
  const endpoint = required(args, 'endpoint');
  const role = required(args, 'role');
  if (role === 'seed') return seed(endpoint);
  return scan(endpoint, required(args, 'contender'), args['retained'] === '1');
});
