import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../requests/tableDefinition';
import type { ModelTable } from '../loadModels';

/** A model's table as every export format starts from it: the CreateTable input createTable sends, and TTL. */
export interface TableSpec {
  readonly model: string;
  readonly tableName: string;
  readonly definition: CreateTableCommandInput;
  readonly ttlAttribute?: string;
  /** A name for the resource, unique in the export: letters and digits, PascalCase. */
  readonly resourceName: string;
}

/** The table specs of the models, each with a resource name unique among them. */
export function tableSpecs(models: readonly ModelTable[]): TableSpec[] {
  const taken = new Set<string>();
  return models.map(({ schema, tableName }) => {
    const base = pascal(schema.modelName);
    let resourceName = taken.has(base) ? `${base}${pascal(tableName)}` : base;
    for (let suffix = 2; taken.has(resourceName); suffix += 1) resourceName = `${base}${suffix}`;
    taken.add(resourceName);
    return {
      model: schema.modelName,
      tableName,
      definition: tableDefinition(schema, tableName),
      ...(schema.ttl && { ttlAttribute: schema.ttl.name }),
      resourceName,
    };
  });
}

/** `phonebook-table` → `PhonebookTable`; a name starting with a digit gets a `T`. */
function pascal(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  return /^[A-Za-z]/.test(joined) ? joined : `T${joined}`;
}
