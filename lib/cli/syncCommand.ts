import { Pipeline } from '../pipeline/Pipeline';
import { createTable } from '../repository/manageTable';
import { createClient, type ConnectionOptions } from './client';
import { inspect } from './diffCommand';
import { EXIT, type CommandIo } from './io';
import { loadModels, type ModelTable } from './loadModels';
import { progressDisplay } from './progress';
import { changeText, heading, remainingText } from './text';

/** Options of `sync`. */
export interface SyncOptions extends ConnectionOptions {
  readonly dryRun?: boolean;
  /** How long to wait for each table or index to become ACTIVE. */
  readonly waitTimeoutMs: number;
}

/**
 * `sync <module>`: for each model, createTable's changes (create the table, add missing global
 * indexes one at a time, enable the stream and TTL), each waited for with a progress display; with
 * `dryRun`, only what it would do. Nothing is changed on a table with a conflict (another key, an
 * index storing less...): sync prints what it would take and goes on with the next model. Exit 0
 * when every table matches its model, 1 when a difference remains that sync never makes (deleting,
 * changing a key, a projection, billing), 2 on an error.
 * @throws CliError, SchemaError, UnsupportedCapabilityError, or the SDK's error.
 */
export async function syncCommand(modulePath: string, options: SyncOptions, io: CommandIo): Promise<number> {
  const models = await loadModels(modulePath);
  const client = createClient(options);
  try {
    let code: number = EXIT.ok;
    const pipeline = new Pipeline(client);
    for (const model of models) code = Math.max(code, await syncTable(pipeline, model, options, io));
    return code;
  } finally {
    client.destroy();
  }
}

async function syncTable(pipeline: Pipeline, model: ModelTable, options: SyncOptions, io: CommandIo) {
  const { schema, tableName, source } = model;
  const write = (line: string) => io.stdout.write(`${line}\n`);
  write(heading(schema.modelName, source, tableName));
  const plan = await inspect(pipeline, model, 'sync');
  const remaining = remainingText(plan.fields);
  if (plan.fields.some((field) => field.status === 'conflict')) {
    write('  nothing changed: the table differs from the model in ways sync never changes.');
    write(remaining);
    return EXIT.different;
  }
  if (options.dryRun) {
    write(
      plan.changes.length === 0
        ? '  nothing to do'
        : plan.changes.map((change) => `  would ${changeText(change, tableName)}`).join('\n'),
    );
  } else if (plan.changes.length === 0) {
    write('  nothing to do');
  } else {
    await createTable({
      pipeline,
      call: 'sync',
      schema,
      tableName,
      waitTimeoutMs: options.waitTimeoutMs,
      onProgress: progressDisplay(io.stdout, tableName),
    });
  }
  if (!remaining) {
    if (!options.dryRun && plan.changes.length > 0) write('  in sync');
    return EXIT.ok;
  }
  write(options.dryRun ? '  and would leave as it is:' : '  left as it was:');
  write(remaining);
  return EXIT.different;
}
