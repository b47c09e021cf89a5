import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { CAPABILITIES } from '../errors/UnsupportedCapabilityError';
import { tableDefinition } from '../requests/tableDefinition';
import { enumsOf } from '../schema/enumsOf';
import type { GeneratedEnums } from '../schema/CompiledSchema';
import type { ModelTable } from './loadModels';

/** A capability a model's table needs from the engine, and which engines have it. */
export interface NeededCapability {
  readonly capability: string;
  /** What in the model needs it. */
  readonly because: string;
  readonly engines: { readonly dynamodb: string; readonly 'dynamodb-local': string; readonly dynalite: string };
}

/** What `describe` tells of one model: its table definition, enums and needed capabilities. */
export interface ModelDescription {
  readonly model: string;
  readonly source: string;
  readonly tableName: string;
  /** The CreateTable input createTable sends (keys, attribute types, indexes with projections, billing, stream). */
  readonly definition: CreateTableCommandInput;
  /** The @Ttl attribute, when there is one. */
  readonly ttlAttribute?: string;
  /** `enumsOf(Model)`, or the SchemaError message when its names clash (the model still works). */
  readonly enums: GeneratedEnums | { readonly error: string };
  readonly capabilities: readonly NeededCapability[];
}

/** Describes a model's table as createTable makes it. */
export function describeModel({ schema, tableName, source }: ModelTable): ModelDescription {
  return {
    model: schema.modelName,
    source,
    tableName,
    definition: tableDefinition(schema, tableName),
    ...(schema.ttl && { ttlAttribute: schema.ttl.name }),
    enums: enumsOrError(schema.model),
    capabilities: neededCapabilities({ schema, tableName, source }),
  };
}

function enumsOrError(model: ModelTable['schema']['model']): ModelDescription['enums'] {
  try {
    return enumsOf(model);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The engine capabilities a model's table needs beyond tables, items and indexes made with the table. */
export function neededCapabilities({ schema }: ModelTable): NeededCapability[] {
  const globals = [...schema.indexes.values()].filter((index) => index.kind === 'global');
  return [
    ...(globals.length > 0
      ? [
          {
            capability: CAPABILITIES.gsiOnLiveTable,
            because: `for sync to add ${globals.map((index) => index.name).join(', ')} to a table made without ${globals.length > 1 ? 'them' : 'it'}`,
            engines: {
              dynamodb: 'yes',
              'dynamodb-local': 'yes',
              dynalite: 'no (accepts the update, never builds the index)',
            },
          },
        ]
      : []),
    ...(schema.ttl
      ? [
          {
            capability: CAPABILITIES.ttl,
            because: `for @Ttl on ${schema.ttl.name}`,
            engines: { dynamodb: 'yes', 'dynamodb-local': 'yes (setting kept; items do not expire)', dynalite: 'no' },
          },
        ]
      : []),
    ...(schema.stream
      ? [
          {
            capability: CAPABILITIES.streams,
            because: `for @Table({ stream: '${schema.stream}' })`,
            engines: { dynamodb: 'yes', 'dynamodb-local': 'yes', dynalite: 'no (ignores StreamSpecification)' },
          },
        ]
      : []),
  ];
}
