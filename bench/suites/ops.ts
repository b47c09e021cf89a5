import '../quiet';
import { Repository } from 'dynamodb-decorators';
import { createClient, type Target } from '../clients';
import { progress, runSuite } from '../child';
import { rounds, sizes } from '../config';
import { createContenders, type OpsContender } from '../contenders';
import { CONTENDER_NAMES } from '../labels';
import { newPhoneNumber, PhoneData, phoneRecord, type PhoneRecord } from '../models';
import { OPERATIONS, type Operation, type OpsResult } from '../results';
import { collectGarbage, startTiming, type Timing } from '../stats';

// Single-item put / get / update / delete, sequential, per contender, rounds interleaved:
// --endpoint <url> on an engine, or without it through the in-memory canned handler.

const TABLE = 'bench-phonebook';

/** Wall-clock and CPU microseconds per operation. */
async function timeOperation(count: number, operation: (index: number) => Promise<unknown>): Promise<Timing> {
  collectGarbage();
  const stop = startTiming();
  for (let index = 0; index < count; index += 1) await operation(index);
  const { wall, cpu } = stop();
  return { wall: (wall * 1000) / count, cpu: (cpu * 1000) / count };
}

/** One contender's four phases over `records`. */
async function runContender(
  contender: OpsContender,
  records: readonly PhoneRecord[],
): Promise<Record<Operation, Timing>> {
  return {
    create: await timeOperation(records.length, (index) => contender.create(records[index]!)),
    get: await timeOperation(records.length, (index) => contender.get(records[index]!.person_id)),
    update: await timeOperation(records.length, (index) =>
      contender.update(records[index]!.person_id, newPhoneNumber(index)),
    ),
    delete: await timeOperation(records.length, (index) => contender.remove(records[index]!.person_id)),
  };
}

/** What each contender sends, recorded through a capturing canned handler. */
async function captureRequests(): Promise<Record<string, string[]>> {
  const capture: string[] = [];
  const contenders = createContenders({ kind: 'memory', capture }, TABLE);
  const requests: Record<string, string[]> = {};
  for (const contender of contenders) {
    capture.length = 0;
    await runContender(contender, [phoneRecord(1)]);
    requests[contender.name] = [...capture];
  }
  return requests;
}

async function main(args: Record<string, string>): Promise<OpsResult> {
  const endpoint = args['endpoint'];
  const target: Target = endpoint ? { kind: 'engine', endpoint } : { kind: 'memory' };
  const setting = endpoint ? (args['engine'] ?? endpoint) : 'in-memory handler';
  const roundCount = endpoint ? rounds.opsEngine : rounds.opsInMemory;
  // in memory every round does all the items; on an engine the items are split across the rounds
  const perRound = endpoint ? Math.ceil(sizes.opsItems / roundCount) : sizes.opsItems;
  const requests = endpoint ? undefined : await captureRequests();
  if (endpoint) {
    const admin = createClient(target);
    await new Repository(PhoneData, { client: admin, tableName: TABLE }).createTable();
    admin.destroy();
  }
  // built after the capture: dynamoose keeps one client per process, the last one set
  // (--only <name> keeps one contender, e.g. to profile it)
  const contenders = createContenders(target, TABLE).filter(
    (contender) => args['only'] === undefined || contender.name === args['only'],
  );
  const microseconds: OpsResult['microseconds'] = {};
  const cpuMicroseconds: NonNullable<OpsResult['cpuMicroseconds']> = {};
  // unique ids per contender and round, so nothing left over by one run can affect another
  const recordsFor = (round: number, contender: number, count: number) =>
    Array.from({ length: count }, (_, index) =>
      phoneRecord((round * CONTENDER_NAMES.length + contender) * 1_000_000 + index + 1),
    );

  progress(`${setting}: warm-up`);
  for (const [index, contender] of contenders.entries())
    await runContender(contender, recordsFor(999, index, Math.min(100, perRound)));
  for (let round = 0; round < roundCount; round += 1) {
    for (const [index, contender] of contenders.entries()) {
      const result = await runContender(contender, recordsFor(round, index, perRound));
      const wall = (microseconds[contender.name] ??= { create: [], get: [], update: [], delete: [] });
      const cpu = (cpuMicroseconds[contender.name] ??= { create: [], get: [], update: [], delete: [] });
      for (const operation of OPERATIONS) {
        wall[operation].push(result[operation].wall);
        cpu[operation].push(result[operation].cpu);
      }
    }
    const line = contenders.map((contender) => {
      const mine = (endpoint ? microseconds : cpuMicroseconds)[contender.name]!;
      return `${contender.name} ${OPERATIONS.map((operation) => mine[operation].at(-1)!.toFixed(0)).join('/')}`;
    });
    progress(
      `${setting} round ${round + 1}/${roundCount} (${endpoint ? 'wall' : 'CPU'} µs create/get/update/delete): ${line.join(', ')}`,
    );
  }
  return {
    setting,
    items: perRound * (endpoint ? roundCount : 1),
    itemsPerRound: perRound,
    rounds: roundCount,
    microseconds,
    ...(!endpoint && { cpuMicroseconds }),
    ...(requests && { requests }),
  };
}

runSuite(main);
