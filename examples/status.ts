import './quiet';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Attribute,
  Categorical,
  ConditionFailedError,
  enumsOf,
  GlobalIndex,
  not,
  PartitionKey,
  Repository,
  Table,
  where,
  type RepositoryOptions,
} from 'dynamodb-decorators';
import { reportFailure, startEngine } from './engine';
import { removeLeftovers } from './leftovers';

// The request status tracker of the wiki page (status_db.py): one record per request, its status
// updated as the request moves on, like a pizza tracker.

const STATUSES = ['STARTED', 'IN_PROGRESS', 'SUCCESS', 'FAILED'] as const;
// Not named `Status` like the enum below: swc, which runs the examples, emits a property typed by an
// alias as a reference to the value of the alias's name (tsc resolves it to String), and that value
// would be read before it exists. A categorical attribute is a string whatever its emitted type.
type StatusValue = (typeof STATUSES)[number];

@Table({ name: 'status-table' })
export class StatusData {
  @PartitionKey() request_id!: string;
  // The index lists the requests in one status, oldest change first; createTable builds it.
  @Categorical(STATUSES) @GlobalIndex('byStatus', { sortKey: 'timestamp' }) status!: StatusValue;
  /** When the status last changed, ISO-8601. */
  @Attribute() timestamp!: string;
}

export const StatusEnums = enumsOf(StatusData);

export class StatusRepository extends Repository<StatusData> {
  constructor(options?: RepositoryOptions) {
    super(StatusData, options);
  }
}

const { Status } = StatusEnums;

/** Four simulated requests: pauses (ms) before each step and a fixed outcome, so every run tells the same story. */
const requests: readonly { id: string; pausesMs: readonly [number, number, number]; outcome: StatusValue }[] = [
  { id: 'req-1', pausesMs: [0, 180, 200], outcome: Status.SUCCESS },
  { id: 'req-2', pausesMs: [40, 120, 150], outcome: Status.SUCCESS },
  { id: 'req-3', pausesMs: [80, 150, 110], outcome: Status.FAILED },
  { id: 'req-4', pausesMs: [120, 100, 190], outcome: Status.SUCCESS },
];

async function main(): Promise<void> {
  const engine = await startEngine();
  try {
    const statuses = new StatusRepository({ client: engine.client });
    console.log(`Engine: ${engine.engineName}`);
    const { created } = await statuses.createTable();
    console.log(`createTable('${statuses.tableName}'): created ${created}`);
    await removeLeftovers(
      statuses,
      requests.map(({ id }) => id),
    );

    console.log(`\nTracking ${requests.length} requests at once:`);
    const startedAt = performance.now();
    const log = (id: string, from: string, to: string): void =>
      console.log(
        `[t+${((performance.now() - startedAt) / 1000).toFixed(2)}s] ${id.padEnd(6)} ${from.padEnd(11)} → ${to}`,
      );
    await Promise.all(requests.map((request) => track(statuses, request, log)));

    console.log('\nRequests by status, through the byStatus index:');
    for (const status of STATUSES) {
      const ids: string[] = [];
      for await (const record of statuses.query({ status }, { index: 'byStatus' })) ids.push(record.request_id);
      console.log(`${status.padEnd(11)} ${ids.length > 0 ? ids.join(', ') : '-'}`);
    }

    console.log('\nA finished request never moves back:');
    const finished = not(where(StatusEnums.Attribute.STATUS).in([Status.SUCCESS, Status.FAILED]));
    try {
      await statuses.updateRecord(
        'req-3',
        { status: Status.IN_PROGRESS, timestamp: new Date().toISOString() },
        { condition: finished },
      );
      throw new Error('req-3 moved back from FAILED: the condition did not hold');
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      const current = error.item as StatusData | undefined;
      console.log(`req-3  ${current?.status ?? '?'} → IN_PROGRESS refused: ${error.name}`);
    }
    const record = await statuses.getRecord('req-3');
    console.log(`req-3  still ${record.status} (${StatusEnums.Attribute.TIMESTAMP} ${record.timestamp})`);
  } finally {
    await engine.stop();
  }
}

/**
 * Moves one request through STARTED → IN_PROGRESS → its outcome, logging each change as it is
 * stored. Each update is conditional on the status it moves from, so a step can never be
 * skipped or replayed.
 */
async function track(
  statuses: StatusRepository,
  { id, pausesMs: [beforeStart, beforeProgress, beforeOutcome], outcome }: (typeof requests)[number],
  log: (id: string, from: string, to: string) => void,
): Promise<void> {
  await sleep(beforeStart);
  const started = await statuses.createRecord({
    request_id: id,
    status: Status.STARTED,
    timestamp: new Date().toISOString(),
  });
  log(id, '(new)', started.status);
  let previous = started.status;
  for (const [pause, next] of [
    [beforeProgress, Status.IN_PROGRESS],
    [beforeOutcome, outcome],
  ] as const) {
    await sleep(pause);
    const updated = await statuses.updateRecord(
      id,
      { status: next, timestamp: new Date().toISOString() },
      { condition: where('status').eq(previous) },
    );
    log(id, previous, updated.status);
    previous = updated.status;
  }
}

main().catch(reportFailure);
