import { writeFileSync } from 'node:fs';
import { assertOneCopyLoaded } from './installation';

// What every suite process shares: its arguments, and how it hands its result to the runner.

/** `--name value` pairs from the command line. */
export function argumentsOf(argv: readonly string[] = process.argv.slice(2)): Record<string, string> {
  const args: Record<string, string> = {};
  for (let index = 0; index < argv.length; index += 2) {
    const name = argv[index];
    const value = argv[index + 1];
    if (!name?.startsWith('--') || value === undefined)
      throw new Error(`expected --name value pairs, got ${argv.join(' ')}`);
    args[name.slice(2)] = value;
  }
  return args;
}

/** A required argument. */
export function required(args: Record<string, string>, name: string): string {
  const value = args[name];
  if (value === undefined) throw new Error(`missing --${name}`);
  return value;
}

/**
 * Runs a suite's main function, writes its result as JSON to `--out`, and exits (non-zero on failure, with the error on
 * stderr). A suite that loaded two copies of a package (see installation.ts) fails: its figures would not be a user's.
 */
export function runSuite(main: (args: Record<string, string>) => Promise<unknown>): void {
  const args = argumentsOf();
  main(args)
    .then((result) => {
      assertOneCopyLoaded();
      const out = args['out'];
      if (out !== undefined) writeFileSync(out, JSON.stringify(result, null, 1));
      else console.log(JSON.stringify(result, null, 1));
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

/** A progress line on stderr (stdout is left to results). */
export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}
