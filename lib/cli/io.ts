import type { ProgressOutput } from './progress';

/** Where a command writes: the process's streams, or a test's buffers. */
export interface CommandIo {
  readonly stdout: ProgressOutput;
  readonly stderr: ProgressOutput;
}

/** Exit codes: 0 equal / done, 1 different (or differences sync leaves), 2 an error. */
export const EXIT = { ok: 0, different: 1, error: 2 } as const;

/** Writes a value as indented JSON and a newline. */
export function writeJson(io: CommandIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
