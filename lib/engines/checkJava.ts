import { spawn } from 'node:child_process';
import { EngineError } from './EngineError';

const minimumMajor = 17;
const suggestion =
  `Install one (e.g. OpenJDK ${minimumMajor}), or use the Java-free engine: startDynalite(), ` +
  'DYNAMODB_TEST_ENGINE=dynalite for the jest and vitest global set-ups of dynamodb-decorators/testing, ' +
  'DYNAMODB_ENGINE=dynalite for the examples.';
const noJava = `DynamoDB Local needs a Java runtime (${minimumMajor}+) and none was found on PATH. ${suggestion}`;

/**
 * Runs `java -version` from PATH and returns the runtime's major version (undefined if unreadable).
 * @throws EngineError when no Java can be run, or when it is older than 17.
 */
export async function checkJava(): Promise<number | undefined> {
  const { code, output } = await runJavaVersion();
  // A non-zero status also covers stubs such as macOS's /usr/bin/java without a JDK behind it.
  if (code !== 0) throw javaError(`${noJava}\n\`java -version\` failed (${code}):\n${output}`);
  const major = parseMajor(output);
  if (major !== undefined && major < minimumMajor) {
    throw javaError(`DynamoDB Local needs Java ${minimumMajor}+, but \`java\` on PATH is Java ${major}. ${suggestion}`);
  }
  return major;
}

function runJavaVersion(): Promise<{ code: number | string | null; output: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const java = spawn('java', ['-version'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Not spawn's own `timeout` option: its timer outlives a spawn that fails with ENOENT.
    const timer = setTimeout(() => java.kill('SIGKILL'), 15_000);
    java.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    java.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    java.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? javaError(noJava, error) : javaError(`${noJava}\n${error.message}`, error));
    });
    java.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal === 'SIGKILL' ? 'timed out' : signal), output: output.trim() });
    });
  });
}

/** Reads `version "17.0.15"` (major 17) or the old `version "1.8.0_392"` (major 8). */
function parseMajor(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

function javaError(message: string, cause?: unknown): EngineError {
  return new EngineError(message, { engine: 'dynamodb-local', cause });
}
