import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { engines } from '../helpers/engines';

// The library must work where eval and new Function are forbidden (a locked-down Lambda, a CSP'd
// runtime): the phonebook walk-through runs in a Node process started with
// --disallow-code-generation-from-strings, against each engine of the test run.

const root = resolve(__dirname, '../..');
const FLAG = '--disallow-code-generation-from-strings';

/** Runs node with the flag; asynchronously, since dynalite may be serving from this very process. */
function node(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [FLAG, ...args], {
    cwd: root,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) =>
    child.once('close', (status) => done({ status, stdout, stderr })),
  );
}

describe('no code generation from strings', () => {
  it('the flag really forbids it (a control)', async () => {
    const control = await node(['-e', 'new Function("return 1")()']);
    expect(control.status).not.toBe(0);
    expect(control.stderr).toMatch(/EvalError: Code generation from strings disallowed/);
  });

  it.each(engines)('the phonebook creates, gets, updates, queries and deletes on $name', async ({ endpoint, name }) => {
    const run = await node(['-r', './examples/register.js', 'examples/phonebook.ts'], { DYNAMODB_ENDPOINT: endpoint });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/createRecord from a model instance, then from plain attributes/);
    expect(out).toMatch(/created {2}#1 Ada Lovelace/);
    expect(out).toMatch(/got {6}#1 Ada Lovelace/);
    expect(out).toMatch(/after {4}#2 Alan Turing, \+44 20 7946 0022, COLLEAGUE/);
    // DynamoDB Local builds the index and the phonebook queries it; dynalite cannot, and it scans
    expect(out).toMatch(
      name === 'dynalite' ? /a filtered scan instead/ : /query\(\{ relationship: 'FRIEND' \}\) on it/,
    );
    expect(out).toMatch(/found {4}#1 Ada Lovelace/);
    expect(out).toMatch(/deleted {2}#3 Grace Hopper/);
    expect(out).toMatch(/bad relationship: RecordValidationError/);
  });
});
