import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { TableChange, TableProgress } from '../../../lib/repository/manageTable';
import { buildCreateGsi } from '../../../lib/requests/buildCreateGsi';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { progressDisplay } from '../../../lib/cli/progress';
import { StatusQueryData } from '../../fixtures/models';

// sync's progress display, fed what createTable reports: a terminal gets one live line, a pipe
// one line per state DescribeTable reports.

const schema = compileSchema(StatusQueryData);
const index = schema.indexes.get('byStatus')!;
const change: TableChange = { kind: 'createIndex', index, input: buildCreateGsi('statuses', index, undefined) };

function table(status: string, backfilling?: boolean, items?: number): TableDescription {
  return {
    TableName: 'statuses',
    TableStatus: 'ACTIVE',
    GlobalSecondaryIndexes: [
      {
        IndexName: 'byStatus',
        IndexStatus: status as 'CREATING',
        ...(backfilling !== undefined && { Backfilling: backfilling }),
        ...(items !== undefined && { ItemCount: items }),
      },
    ],
  };
}

const events: TableProgress[] = [
  { change, step: 1, steps: 2, state: 'started' },
  { change, step: 1, steps: 2, state: 'waiting', table: table('CREATING') },
  { change, step: 1, steps: 2, state: 'waiting', table: table('CREATING') },
  { change, step: 1, steps: 2, state: 'waiting', table: table('CREATING', true, 12_345) },
  { change, step: 1, steps: 2, state: 'waiting', table: table('ACTIVE', undefined, 12_345) },
  { change, step: 1, steps: 2, state: 'done' },
];

function play(isTTY: boolean): string {
  let written = '';
  let clock = 0;
  const display = progressDisplay({ isTTY, write: (text: string) => (written += text) }, 'statuses', () => clock);
  for (const event of events) {
    display(event);
    clock += 500;
  }
  return written;
}

describe('progressDisplay', () => {
  it('prints a line for each new state when the output is not a terminal', () => {
    expect(play(false)).toBe(
      '  [1/2] add global index byStatus to statuses (status HASH (S), timestamp RANGE (S); ALL)\n' +
        '  [1/2] index byStatus CREATING (0.5 s)\n' +
        '  [1/2] index byStatus CREATING, backfilling, 12,345 items indexed (1.5 s)\n' +
        '  [1/2] index byStatus ACTIVE, 12,345 items indexed (2.0 s)\n' +
        '  [1/2] done: index byStatus ACTIVE, 12,345 items indexed (2.5 s)\n',
    );
  });

  it('rewrites one live line on a terminal, then leaves the outcome', () => {
    const written = play(true);
    const live = written.split('\r\x1b[2K');
    expect(live[0]).toBe('  [1/2] add global index byStatus to statuses (status HASH (S), timestamp RANGE (S); ALL)\n');
    expect(live.slice(1)).toEqual([
      '  [1/2] / index byStatus CREATING (0.5 s)',
      '  [1/2] - index byStatus CREATING (1.0 s)',
      '  [1/2] \\ index byStatus CREATING, backfilling, 12,345 items indexed (1.5 s)',
      '  [1/2] | index byStatus ACTIVE, 12,345 items indexed (2.0 s)',
      '  [1/2] done: index byStatus ACTIVE, 12,345 items indexed (2.5 s)\n',
    ]);
  });
});
