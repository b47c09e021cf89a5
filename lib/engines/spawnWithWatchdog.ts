import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { keepProcessAliveUntil } from './keepProcessAliveUntil';

// The command runs in the background of a POSIX shell whose stdin is a pipe from this process.
// When this process exits for any reason (even SIGKILL) the kernel closes the pipe, `cat` sees
// end of file and the shell kills the command: no orphan survives its parent. fd 3 reports the
// command's pid; the command itself gets neither the pipe nor fd 3.
// debt: POSIX only; on Windows (no sh) the parent's death would need a job object to reach the command.
const watchdogScript = `
exec 4<&0
"$@" </dev/null 3>&- 4<&- &
child=$!
echo "$child" >&3
exec 3>&-
( cat >/dev/null; kill "$child" ) <&4 >/dev/null 2>&1 &
exec 4<&-
trap 'kill "$child" 2>/dev/null' EXIT
trap 'exit 143' HUP INT TERM
wait "$child"
`;

const tailLines = 40;

/** A command started by {@link spawnWithWatchdog}. */
export interface WatchedProcess {
  /** The command's own pid (not the watchdog shell's). */
  readonly pid: number;
  /** Resolves with the exit code (or signal name) once the command and its watchdog are gone. */
  readonly exited: Promise<number | string>;
  /** Whether {@link exited} has resolved. */
  hasExited(): boolean;
  /** The last lines the command wrote to stdout and stderr. */
  output(): string;
  /** Sends SIGTERM, then SIGKILL after `graceMs`, and resolves once the command has exited (this process waits for it). */
  stop(graceMs: number): Promise<void>;
}

/**
 * Spawns `command` so that it dies with this process, without keeping this process's event loop alive.
 * @throws Error when the shell cannot be spawned or does not report the command's pid.
 */
export async function spawnWithWatchdog(command: string, args: readonly string[]): Promise<WatchedProcess> {
  const shell = spawn('sh', ['-c', watchdogScript, 'watchdog', command, ...args], {
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
  });
  const tail = collectTail(shell);
  // We never write to the pipe, only close it; an EPIPE from a dead shell must not crash us.
  shell.stdin?.on('error', () => undefined);
  let done = false;
  const exited = new Promise<number | string>((resolve) =>
    shell.once('exit', (code, signal) => {
      done = true;
      // Lets the watcher's `cat` finish now rather than when this process exits.
      shell.stdin?.destroy();
      resolve(code ?? signal ?? 'unknown');
    }),
  );
  const pid = await readPid(shell, exited, tail);
  unrefAll(shell);
  return {
    pid,
    exited,
    hasExited: () => done,
    output: () => tail.join('').split('\n').slice(-tailLines).join('\n').trim(),
    stop: async (graceMs) => {
      // Once exited, the pid may already belong to another process: never signal it again.
      if (!done) await keepProcessAliveUntil(stopProcess(shell, pid, exited, graceMs));
    },
  };
}

function collectTail(shell: ChildProcess): string[] {
  const chunks: string[] = [];
  const keep = (chunk: Buffer): void => {
    chunks.push(chunk.toString());
    // Bounded, since the command may log for hours; reading is still needed so its pipes never fill.
    if (chunks.length > tailLines * 2) chunks.splice(0, chunks.length - tailLines);
  };
  shell.stdout?.on('data', keep);
  shell.stderr?.on('data', keep);
  return chunks;
}

function readPid(shell: ChildProcess, exited: Promise<number | string>, tail: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    let text = '';
    const pidStream = shell.stdio[3] as Readable;
    pidStream.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const pid = Number.parseInt(text, 10);
      if (text.includes('\n') && pid > 0) resolve(pid);
    });
    shell.once('error', reject);
    void exited.then((status) =>
      reject(new Error(`the watchdog shell exited (${status}) before starting the command: ${tail.join('').trim()}`)),
    );
  });
}

function unrefAll(shell: ChildProcess): void {
  shell.unref();
  for (const stream of shell.stdio) (stream as { unref?: () => void } | null)?.unref?.();
}

async function stopProcess(
  shell: ChildProcess,
  pid: number,
  exited: Promise<number | string>,
  graceMs: number,
): Promise<void> {
  signal(pid, 'SIGTERM');
  shell.stdin?.end();
  if (await settlesWithin(exited, graceMs)) return;
  // The watchdog shell waits for the command and reaps it: once the shell has exited, the command is gone
  // (not a zombie waiting for an init that may be slow to reap it). The shell is killed only if it hangs.
  signal(pid, 'SIGKILL');
  if (await settlesWithin(exited, graceMs)) return;
  signal(shell.pid, 'SIGKILL');
  await exited;
}

function signal(pid: number | undefined, name: NodeJS.Signals): void {
  try {
    if (pid !== undefined) process.kill(pid, name);
  } catch {
    // ESRCH: already gone, which is what we want.
  }
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)));
  const result = await Promise.race([promise.then(() => true), timeout]);
  clearTimeout(timer);
  return result;
}
