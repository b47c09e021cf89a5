/** Median, fastest and slowest of a set of measurements. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly samples: readonly number[];
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, samples };
}

/** Milliseconds since an arbitrary origin, with sub-microsecond resolution. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Runs the collector when the process was started with --expose-gc, so one contender's garbage is not collected in another's timing. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The ratio convention of every table: baseline time / contender time, so above 1 is faster than the baseline. */
export function ratio(baselineTime: number, contenderTime: number): number {
  return baselineTime / contenderTime;
}

/** CPU time (user + system) of this process in milliseconds: what CPU-only suites report, since other work on the machine inflates wall-clock time but not this. */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Wall-clock and CPU milliseconds of one timed block. */
export interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

/** Starts a timing; the returned function ends it. */
export function startTiming(): () => Timing {
  const wall = now();
  const cpu = cpuNow();
  return () => ({ wall: now() - wall, cpu: cpuNow() - cpu });
}
