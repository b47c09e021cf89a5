import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { SetupError } from '../errors/SetupError';
import { CliError } from './CliError';
import { isUnreachable } from './client';
import { describeCommand } from './describeCommand';
import { diffCommand } from './diffCommand';
import { EXPORT_FORMATS, exportCommand, type ExportOptions } from './exportCommand';
import { EXIT, type CommandIo } from './io';
import { syncCommand } from './syncCommand';

const DEFAULT_WAIT_MINUTES = 10;

/**
 * Runs the command line on `args` (argv without node and the script) and resolves with the exit
 * code: 0 done or equal, 1 different, 2 an error (reported on stderr, never thrown).
 */
export async function run(args: readonly string[], io: CommandIo = process): Promise<number> {
  const outcome: Outcome = { code: EXIT.ok, endpoint: '' };
  try {
    await program(io, outcome).parseAsync(args, { from: 'user' });
    return outcome.code;
  } catch (error) {
    return report(error, io, outcome.endpoint);
  }
}

/** What the command that ran left: its exit code, and the endpoint an error message names. */
interface Outcome {
  code: number;
  endpoint: string;
}

type ConnectionFlags = { endpoint?: string; region?: string };

function program(io: CommandIo, outcome: Outcome): Command {
  const root = new Command('dynamodb-decorators')
    .description("Describe, diff, sync and export the DynamoDB tables of a module's models.")
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(dynamodb-decorators --help lists the commands)');
  const command = (name: string, description: string) =>
    root.command(name).description(description).argument('<module>', MODULE_ARGUMENT);
  const connected = (name: string, description: string) =>
    command(name, description)
      .option('--endpoint <url>', 'the DynamoDB endpoint, e.g. http://localhost:8000 (default: AWS)')
      .option('--region <region>', 'the AWS region (default: the SDK configuration)');

  command('describe', "each model's table definition, enums and the engine capabilities it needs")
    .option('--json', 'JSON output')
    .action(async (module: string, options: { json?: boolean }) => {
      outcome.code = await describeCommand(module, options, io);
    });
  connected('diff', 'compare the models with the live tables, field by field: exit 0 equal, 1 different, 2 error')
    .option('--json', 'JSON output')
    .action(async (module: string, options: ConnectionFlags & { json?: boolean }) => {
      outcome.endpoint = options.endpoint ?? '';
      outcome.code = await diffCommand(module, options, io);
    });
  connected(
    'sync',
    'create missing tables, add missing indexes, enable streams and TTL; never deletes or changes a key',
  )
    .option('--dry-run', 'print what sync would do, and change nothing')
    .option('--wait-minutes <minutes>', 'how long to wait for each table or index', wholeNumber, DEFAULT_WAIT_MINUTES)
    .action(async (module: string, options: ConnectionFlags & { dryRun?: boolean; waitMinutes: number }) => {
      outcome.endpoint = options.endpoint ?? '';
      outcome.code = await syncCommand(module, { ...options, waitTimeoutMs: options.waitMinutes * 60_000 }, io);
    });
  command('export', 'the tables as infrastructure code: CloudFormation, CDK (TableV2), Terraform, or JSON')
    .addOption(new Option('--format <format>', 'the output format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('--json', 'CloudFormation as JSON rather than YAML')
    .action(async (module: string, options: ExportOptions) => {
      outcome.code = await exportCommand(module, options, io);
    });
  return root;
}

const MODULE_ARGUMENT = 'a module exporting models or repositories (.js, or .ts through a loader)';

function wholeNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('a whole number of at least 1');
  return parsed;
}

/** The exit code of a failure, after saying it on stderr: commander has printed its own usage errors. */
function report(error: unknown, io: CommandIo, endpoint: string): number {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with exit code 0
    return error.exitCode === 0 ? EXIT.ok : EXIT.error;
  }
  if (error instanceof CliError || error instanceof SetupError) {
    // a set-up mistake's message says what to do (an endpoint the library could not reach, no region...)
    io.stderr.write(`dynamodb-decorators: ${error.message}\n`);
  } else if (isUnreachable(error)) {
    const where = endpoint || 'DynamoDB';
    io.stderr.write(`dynamodb-decorators: cannot reach ${where}: ${(error as Error).message}\n`);
  } else if (error instanceof Error) {
    // the library's typed errors (SchemaError, UnsupportedCapabilityError...) and the SDK's, by name and message
    io.stderr.write(`${error.name}: ${error.message}\n`);
  } else {
    io.stderr.write(`dynamodb-decorators: ${String(error)}\n`);
  }
  return EXIT.error;
}
