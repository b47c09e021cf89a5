import type { TableField } from '../repository/checkTableDescription';
import { Pipeline } from '../pipeline/Pipeline';
import { planTable, type TablePlan } from '../repository/manageTable';
import { createClient, type ConnectionOptions } from './client';
import { EXIT, writeJson, type CommandIo } from './io';
import { loadModels, type ModelTable } from './loadModels';
import { fieldsText, heading } from './text';

/** Options of `diff`. */
export interface DiffOptions extends ConnectionOptions {
  readonly json?: boolean;
}

/** One model's table compared with the live one. */
export interface TableDiff {
  readonly model: string;
  readonly source: string;
  readonly tableName: string;
  readonly equal: boolean;
  readonly fields: readonly TableField[];
}

/**
 * `diff <module>`: every model's table against the live one, field by field, with the
 * comparisons createTable refuses a table on. Exit 0 when all are equal, 1 when any differs.
 * @throws CliError, SchemaError, or the SDK's error (unreachable endpoint, credentials).
 */
export async function diffCommand(modulePath: string, options: DiffOptions, io: CommandIo): Promise<number> {
  const models = await loadModels(modulePath);
  const client = createClient(options);
  try {
    const diffs: TableDiff[] = [];
    const pipeline = new Pipeline(client);
    for (const model of models) diffs.push(toDiff(model, await inspect(pipeline, model, 'diff')));
    if (options.json) writeJson(io, { equal: diffs.every((diff) => diff.equal), tables: diffs });
    else io.stdout.write(`${diffs.map(diffText).join('\n\n')}\n`);
    return diffs.every((diff) => diff.equal) ? EXIT.ok : EXIT.different;
  } finally {
    client.destroy();
  }
}

/** The read-only plan of a model's table: described as it is, TTL included; `call` names the command in errors. */
export function inspect(pipeline: Pipeline, { schema, tableName }: ModelTable, call: string): Promise<TablePlan> {
  return planTable({ pipeline, schema, tableName, waitTimeoutMs: 0, call }, { inspectTtl: true });
}

function toDiff({ schema, source, tableName }: ModelTable, plan: TablePlan): TableDiff {
  const equal = plan.fields.every((field) => field.status === 'equal');
  return { model: schema.modelName, source, tableName, equal, fields: plan.fields };
}

function diffText(diff: TableDiff): string {
  const different = diff.fields.filter((field) => field.status !== 'equal').length;
  const summary = diff.equal ? 'equal' : `${different} ${different > 1 ? 'differences' : 'difference'}`;
  return `${heading(diff.model, diff.source, diff.tableName)}: ${summary}\n${fieldsText(diff.fields)}`;
}
