import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

// Child Node processes for tests that need a process of their own (to kill it, to see whether it
// exits, to give it another PATH). A child cannot load .ts by itself (Node 20): it runs with the
// examples' require hook, which compiles each .ts file with swc on require.

const repositoryRoot = resolve(__dirname, '../..');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

const childPrelude = `
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const report = (value) => process.stdout.write('REPORT ' + JSON.stringify(value) + '\\n');
`;

/**
 * Runs `body` (JavaScript, with `report(value)` to print a `REPORT <json>` line) in a child Node
 * process in the repository's root, where `require('./lib/....ts')` works; killed after the test.
 */
export function runChild(body: string, env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, ['-r', './examples/register.js', '-e', `${childPrelude}\n${body}`], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

/** Resolves once the child has exited, with its exit code, every `REPORT <json>` line it printed, and its stderr. */
export function runToEnd(
  child: ChildProcess,
): Promise<{ code: number | null; reports: Record<string, unknown>[]; stderr: string }> {
  return new Promise((resolveEnd) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // 'close', not 'exit': by then stdout has been read to the end.
    child.once('close', (code) => {
      const reports = [...stdout.matchAll(/^REPORT (.*)$/gm)].map(
        (line) => JSON.parse(line[1] ?? 'null') as Record<string, unknown>,
      );
      resolveEnd({ code, reports, stderr });
    });
  });
}

/** Resolves with the child's first `REPORT <json>` line; rejects if it exits first or takes over 45 s. */
export function readReport(child: ChildProcess): Promise<Record<string, unknown>> {
  return new Promise((resolveReport, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`child reported nothing in 45 s: ${stdout}${stderr}`)), 45_000);
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = /^REPORT (.*)$/m.exec(stdout);
      if (line?.[1] !== undefined) {
        clearTimeout(timer);
        resolveReport(JSON.parse(line[1]) as Record<string, unknown>);
      }
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code}) without a report: ${stdout}${stderr}`));
    });
  });
}
