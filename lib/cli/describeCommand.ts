import { describeModel } from './describeModel';
import { EXIT, writeJson, type CommandIo } from './io';
import { loadModels } from './loadModels';
import { describeText } from './text';

/** Options of `describe`. */
export interface DescribeOptions {
  readonly json?: boolean;
}

/**
 * `describe <module>`: each model's table definition, enums and needed capabilities.
 * @throws CliError or SchemaError from loading the module.
 */
export async function describeCommand(modulePath: string, options: DescribeOptions, io: CommandIo): Promise<number> {
  const descriptions = (await loadModels(modulePath)).map(describeModel);
  if (options.json) writeJson(io, { tables: descriptions });
  else io.stdout.write(`${descriptions.map(describeText).join('\n\n')}\n`);
  return EXIT.ok;
}
