import { cdkModule } from './exports/cdk';
import { cloudFormationTemplate } from './exports/cloudformation';
import { tableSpecs } from './exports/tableSpecs';
import { terraformModule } from './exports/terraform';
import { toYaml } from './exports/yaml';
import { EXIT, writeJson, type CommandIo } from './io';
import { loadModels } from './loadModels';

/** The formats `export` writes. */
export const EXPORT_FORMATS = ['cloudformation', 'cdk', 'terraform', 'json'] as const;

/** Options of `export`. */
export interface ExportOptions {
  readonly format: (typeof EXPORT_FORMATS)[number];
  /** CloudFormation as JSON rather than YAML. */
  readonly json?: boolean;
}

/**
 * `export <module> --format ...`: the models' tables as infrastructure code, on stdout.
 * `json` is each model's CreateTable input (what createTable sends) with its TTL setting.
 * @throws CliError or SchemaError from loading the module.
 */
export async function exportCommand(modulePath: string, options: ExportOptions, io: CommandIo): Promise<number> {
  const specs = tableSpecs(await loadModels(modulePath));
  switch (options.format) {
    case 'cloudformation': {
      const template = cloudFormationTemplate(specs, modulePath);
      if (options.json) writeJson(io, template);
      else io.stdout.write(toYaml(template));
      break;
    }
    case 'cdk':
      io.stdout.write(cdkModule(specs, modulePath));
      break;
    case 'terraform':
      io.stdout.write(terraformModule(specs, modulePath));
      break;
    case 'json':
      writeJson(io, {
        tables: specs.map(({ model, definition, ttlAttribute }) => ({
          model,
          createTable: definition,
          ...(ttlAttribute !== undefined && {
            timeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true },
          }),
        })),
      });
      break;
  }
  return EXIT.ok;
}
