// The JSON each suite process writes, read by the runner to build the report.

export interface CodecResult {
  readonly records: number;
  readonly rounds: number;
  /** Per contender, per round: CPU milliseconds for all records. */
  readonly encodeMs: Record<string, number[]>;
  readonly decodeMs: Record<string, number[]>;
  /** The same in wall-clock milliseconds. */
  readonly encodeWallMs: Record<string, number[]>;
  readonly decodeWallMs: Record<string, number[]>;
  /** CPU milliseconds per round for `await validateRecord` of every record (wall-clock below). */
  readonly validateMs: number[];
  readonly validateWallMs: number[];
}

export const OPERATIONS = ['create', 'get', 'update', 'delete'] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface OpsResult {
  readonly setting: string;
  /** Items each contender handled in all (in memory: per round, every round the same items again). */
  readonly items: number;
  readonly itemsPerRound: number;
  readonly rounds: number;
  /** Per contender, per operation, per round: wall-clock microseconds per operation. */
  readonly microseconds: Record<string, Record<Operation, number[]>>;
  /** In-memory run only: the same in CPU time of the process (what the report ranks by there). */
  readonly cpuMicroseconds?: Record<string, Record<Operation, number[]>>;
  /** In-memory run only: the request bodies each contender sent for one create, get, update and delete. */
  readonly requests?: Record<string, string[]>;
}

export interface BulkResult {
  readonly setting: string;
  readonly items: number;
  readonly rounds: number;
  readonly pageSize: number;
  /** Per contender, per round: milliseconds for the whole batch write / query. */
  readonly batchWriteMs: Record<string, number[]>;
  readonly queryMs: Record<string, number[]>;
  /** Requests the query needed (the same for both). */
  readonly queryPages: number;
}

export interface ScanMemoryResult {
  readonly contender: string;
  readonly items: number;
  readonly ms: number;
  readonly pages: number;
  /** RSS after loading everything and one warm-up request, after a full GC. */
  readonly baselineRss: number;
  readonly peakRss: number;
  readonly peakHeapUsed: number;
  readonly baselineHeapUsed: number;
  readonly samples: number;
  /** With --retained 1 only: heap in use after a full GC at every fifth of the table, over the baseline. */
  readonly retainedHeap?: number[];
}

export interface ImportResult {
  readonly runs: number;
  /** Per entry, per run: milliseconds of a fresh `node -e` process. */
  readonly ms: Record<string, number[]>;
  /** What each entry requires. */
  readonly code: Record<string, string>;
}

export interface FootprintEntry {
  readonly name: string;
  readonly roots: readonly string[];
  readonly packages: number;
  readonly files: number;
  readonly bytes: number;
}

export interface FootprintResult {
  readonly entries: readonly FootprintEntry[];
}
