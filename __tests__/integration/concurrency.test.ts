// Concurrency (issue 5, part 4): many writers at once on the same keys. Create-only puts let
// exactly one writer per key win, atomic counters lose no increment, and optimistic locking
// lets exactly one writer per version through. Everything here is decided by the engine.
import 'reflect-metadata';
import {
  add,
  Attribute,
  ConditionFailedError,
  PartitionKey,
  RecordExistsError,
  Repository,
  Table,
  Version,
} from '../../lib';
import { engines, uniqueTableName, type TestEngine } from '../helpers/engines';

@Table({ name: 'concurrency-slots' })
class SlotData {
  @PartitionKey() slot_id!: string;
  @Attribute() writer!: number;
  @Attribute() payload!: string;
  @Attribute() tags!: string[];
}

@Table({ name: 'concurrency-counters' })
class CounterData {
  @PartitionKey() counter_id!: string;
  @Attribute() hits!: number;
}

@Table({ name: 'concurrency-documents' })
class DocumentData {
  @PartitionKey() doc_id!: string;
  @Attribute() body!: string;
  @Version() version!: number;
}

const WRITERS = 200;
const SLOTS = 20;

/** What writer `writer` tries to store: every attribute derived from the writer, so a mix of two writers shows. */
function slotRecord(writer: number): SlotData {
  return {
    slot_id: `slot-${writer % SLOTS}`,
    writer,
    payload: `payload-of-${writer}-${'x'.repeat(writer % 50)}`,
    tags: [`w${writer}`, `w${writer}-b`],
  };
}

function countBy<T>(values: readonly T[], key: (value: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(key(value), (counts.get(key(value)) ?? 0) + 1);
  return counts;
}

describe.each(engines)('concurrency on $name', (engine: TestEngine) => {
  it(`${WRITERS} concurrent createRecord over ${SLOTS} ids: ${SLOTS} succeed, ${WRITERS - SLOTS} get RecordExistsError, no record mixes two writers`, async () => {
    const slots = new Repository(SlotData, { client: engine.client(), tableName: uniqueTableName('slots') });
    await slots.createTable();
    const attempts = Array.from({ length: WRITERS }, (_, writer) => slotRecord(writer));

    const results = await Promise.allSettled(attempts.map((record) => slots.createRecord(record)));

    const created = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    const exists = failures.filter((reason) => reason instanceof RecordExistsError);
    expect({ created: created.length, exists: exists.length, other: failures.length - exists.length }).toEqual({
      created: SLOTS,
      exists: WRITERS - SLOTS,
      other: 0,
    });
    // one winner per id, and every loser named the id it lost
    expect([...countBy(created, (record) => record.slot_id).values()]).toEqual(Array(SLOTS).fill(1));
    expect(countBy(exists, (error) => String(error.key['slot_id']))).toEqual(
      new Map(Array.from({ length: SLOTS }, (_, slot) => [`slot-${slot}`, WRITERS / SLOTS - 1])),
    );

    const stored = (await slots.batchGet(created.map((record) => record.slot_id))).records;
    expect(stored).toHaveLength(SLOTS);
    for (const record of stored) {
      // the stored record is exactly one attempted value for its id, and the one whose create succeeded
      expect(record.writer % SLOTS).toBe(Number(record.slot_id.slice('slot-'.length)));
      expect({ ...record }).toEqual(slotRecord(record.writer));
      expect(created.find((winner) => winner.slot_id === record.slot_id)?.writer).toBe(record.writer);
    }
  });

  it('100 concurrent add() updates across 5 counters sum exactly, each seeing a distinct total', async () => {
    const counters = new Repository(CounterData, { client: engine.client(), tableName: uniqueTableName('counters') });
    await counters.createTable();
    const ids = Array.from({ length: 5 }, (_, index) => `counter-${index}`);
    await Promise.all(ids.map((counter_id) => counters.createRecord({ counter_id, hits: 0 })));
    const increments = Array.from({ length: 100 }, (_, index) => ({
      counter_id: ids[index % ids.length]!,
      amount: (index % 7) + 1,
    }));

    const returned = await Promise.all(
      increments.map(({ counter_id, amount }) => counters.updateRecord(counter_id, { hits: add(amount) })),
    );

    for (const counter_id of ids) {
      const expected = increments
        .filter((each) => each.counter_id === counter_id)
        .reduce((sum, each) => sum + each.amount, 0);
      expect(await counters.getRecord(counter_id, { consistent: true })).toEqual(
        expect.objectContaining({ counter_id, hits: expected }),
      );
      // every update read back its own total: increments were applied one at a time
      const totals = returned.filter((record) => record.counter_id === counter_id).map((record) => record.hits);
      expect(new Set(totals).size).toBe(totals.length);
      expect(Math.max(...totals)).toBe(expected);
    }
  });

  it('concurrent versioned updates of one record: successes + ConditionFailedError = attempts, final version = 1 + successes', async () => {
    const documents = new Repository(DocumentData, {
      client: engine.client(),
      tableName: uniqueTableName('documents'),
    });
    await documents.createTable();
    await documents.createRecord({ doc_id: 'doc', body: 'initial' });
    const WORKERS = 10;
    const ROUNDS = 5;
    const successes: DocumentData[] = [];
    const conflicts: ConditionFailedError[] = [];

    // each worker reads, then writes conditionally on the version it read, ROUNDS times
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        for (let round = 0; round < ROUNDS; round += 1) {
          const { version } = await documents.getRecord('doc', { consistent: true });
          try {
            successes.push(
              await documents.updateRecord(
                'doc',
                { body: `worker-${worker}-round-${round}` },
                { expectedVersion: version },
              ),
            );
          } catch (error) {
            if (!(error instanceof ConditionFailedError)) throw error;
            conflicts.push(error);
            // the error carries the record as it is now: someone else moved the version on
            expect((error.item as DocumentData | undefined)?.version).not.toBe(version);
          }
        }
      }),
    );

    expect(successes.length + conflicts.length).toBe(WORKERS * ROUNDS);
    expect(successes.length).toBeGreaterThan(0);
    const final = await documents.getRecord('doc', { consistent: true });
    expect(final.version).toBe(1 + successes.length);
    // each success wrote a distinct version; the last one is what is stored
    expect(new Set(successes.map((record) => record.version)).size).toBe(successes.length);
    const last = successes.find((record) => record.version === final.version);
    expect(last?.body).toBe(final.body);
  });
});
