import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { TableProgress } from '../repository/manageTable';
import { changeText } from './text';

/** Where progress goes: a terminal gets a live line, anything else one line per new state. */
export interface ProgressOutput {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

const SPINNER = ['|', '/', '-', '\\'];

/**
 * A progress display for createTable's `onProgress`: each change's start, then what DescribeTable
 * reports while it is waited for (table status; an index's IndexStatus, Backfilling and ItemCount),
 * then its end with the time it took. On a terminal the waiting line is rewritten in place;
 * elsewhere (a pipe, a CI log) a line is printed only when the reported state changes.
 */
export function progressDisplay(
  output: ProgressOutput,
  tableName: string,
  now: () => number = Date.now,
): (progress: TableProgress) => void {
  const live = output.isTTY === true;
  let started = now();
  let lastState = '';
  let polls = 0;
  return (progress) => {
    const prefix = `  [${progress.step}/${progress.steps}]`;
    const seconds = () => `${((now() - started) / 1000).toFixed(1)} s`;
    if (progress.state === 'started') {
      started = now();
      lastState = '';
      polls = 0;
      output.write(`${prefix} ${changeText(progress.change, tableName)}\n`);
      return;
    }
    if (progress.state === 'done') {
      if (live && polls > 0) output.write('\r\x1b[2K');
      output.write(`${prefix} done${lastState ? `: ${lastState}` : ''} (${seconds()})\n`);
      return;
    }
    const state = progress.table ? describeState(progress) : '';
    polls += 1;
    if (live) {
      output.write(`\r\x1b[2K${prefix} ${SPINNER[polls % SPINNER.length]} ${state} (${seconds()})`);
    } else if (state !== lastState) {
      output.write(`${prefix} ${state} (${seconds()})\n`);
    }
    lastState = state;
  };
}

/** What DescribeTable says of the change in progress: the index's build, or the table's status. */
function describeState({ change, table }: TableProgress): string {
  const description = table as TableDescription;
  if (change.kind !== 'createIndex') return `table ${description.TableStatus ?? 'status unknown'}`;
  const index = description.GlobalSecondaryIndexes?.find((candidate) => candidate.IndexName === change.index.name);
  if (!index) return `index ${change.index.name} not listed yet`;
  const parts = [`index ${change.index.name} ${index.IndexStatus ?? 'status unknown'}`];
  if (index.Backfilling) parts.push('backfilling');
  if (index.ItemCount !== undefined) parts.push(`${index.ItemCount.toLocaleString('en-US')} items indexed`);
  return parts.join(', ');
}
