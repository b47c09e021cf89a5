import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tableDeclaration } from '../metadata/store';
import type { CompiledSchema, ModelClass } from '../schema/CompiledSchema';
import { compileSchema } from '../schema/compileSchema';
import { CliError } from './CliError';

/** A model and the table it is stored in: the unit every command works on. */
export interface ModelTable {
  readonly schema: CompiledSchema;
  readonly tableName: string;
  /** The export it came from, as messages name it. */
  readonly source: string;
}

/** What a Repository looks like from outside, checked by shape: the module may load another copy of the library. */
interface RepositoryLike {
  readonly schema: CompiledSchema;
  readonly tableName: string;
}

/**
 * Imports the module (by path, relative to the working directory) and finds its models: classes
 * decorated with @Table, Repository instances, and Repository subclasses (constructed without
 * arguments, as `new PhoneRepository()`). A model with an exported repository is taken through its
 * repositories only (their table names may differ from @Table's); the same model and table twice count once.
 * @throws CliError when the module cannot be loaded, or exports no model and no repository.
 * @throws SchemaError when a model's decorators are inconsistent.
 */
export async function loadModels(modulePath: string): Promise<ModelTable[]> {
  const exports = await importModule(modulePath);
  const found: (ModelTable | { name: string; model: ModelClass })[] = [];
  for (const [name, value] of Object.entries(exports)) {
    const repository = repositoryOf(name, value);
    if (repository) found.push({ schema: repository.schema, tableName: repository.tableName, source: name });
    else if (isModelClass(value)) found.push({ name, model: value });
  }
  const covered = new Set(found.flatMap((entry) => ('schema' in entry ? [entry.schema.model] : [])));
  // export order; a model class whose repository is exported is taken through the repository
  const tables = found.flatMap((entry): ModelTable[] => {
    if ('schema' in entry) return [entry];
    if (covered.has(entry.model)) return [];
    const schema = compileSchema(entry.model);
    return [{ schema, tableName: schema.tableName, source: entry.name }];
  });
  const unique = tables.filter(
    (table, index) =>
      tables.findIndex((other) => other.schema.model === table.schema.model && other.tableName === table.tableName) ===
      index,
  );
  if (unique.length === 0) {
    throw new CliError(
      `${modulePath} exports no model and no repository: export the classes decorated with @Table ` +
        '(export class PhoneData ...), Repository subclasses or Repository instances.',
    );
  }
  return unique;
}

async function importModule(modulePath: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(resolve(modulePath)).href;
  let loaded: unknown;
  try {
    loaded = await import(url);
  } catch (error) {
    if (error instanceof Error && error.name === 'SchemaError') throw error; // a model checked as the module loads
    const reason = error instanceof Error ? error.message : String(error);
    const hint = /\.[cm]?tsx?$/.test(modulePath)
      ? ' A .ts module needs a loader: node --import tsx node_modules/.bin/dynamodb-decorators ..., or compile it first.'
      : '';
    throw new CliError(`cannot load ${modulePath}: ${reason}${hint}`, { cause: error });
  }
  const namespace = loaded as Record<string, unknown>;
  // a CommonJS module imported from here shows module.exports as `default` besides its named exports
  const commonJs = namespace['default'];
  const named = Object.fromEntries(Object.entries(namespace).filter(([name]) => name !== 'default'));
  if (typeof commonJs === 'object' && commonJs !== null && !isRepository(commonJs)) {
    return { ...(commonJs as Record<string, unknown>), ...named };
  }
  return commonJs === undefined ? named : { ...named, default: commonJs };
}

function repositoryOf(name: string, value: unknown): RepositoryLike | undefined {
  if (isRepository(value)) return value;
  if (!isRepositoryClass(value)) return undefined;
  let instance: unknown;
  try {
    instance = new (value as new () => unknown)();
  } catch (error) {
    if (error instanceof Error && error.name === 'SchemaError') throw error;
    throw new CliError(
      `${name}: a Repository subclass is constructed without arguments, and this one threw: ${String(error)}. ` +
        'Export a repository instance instead (export const phones = new PhoneRepository({ ... })).',
      { cause: error },
    );
  }
  return isRepository(instance) ? instance : undefined;
}

function isRepository(value: unknown): value is RepositoryLike {
  if (typeof value !== 'object' || value === null) return false;
  const { schema, tableName, createTable } = value as Partial<RepositoryLike> & { createTable?: unknown };
  return (
    typeof tableName === 'string' &&
    typeof createTable === 'function' &&
    typeof schema === 'object' &&
    schema !== null &&
    typeof schema.model === 'function'
  );
}

/** A subclass of Repository (Repository itself, re-exported, is no repository of any model). */
function isRepositoryClass(value: unknown): boolean {
  if (typeof value !== 'function' || tableDeclaration(value) !== undefined) return false;
  const parent: unknown = Object.getPrototypeOf((value as { prototype?: object }).prototype ?? Object.prototype);
  const inherited = parent as { createTable?: unknown; tableDefinition?: unknown } | null;
  return typeof inherited?.createTable === 'function' && typeof inherited.tableDefinition === 'function';
}

function isModelClass(value: unknown): value is ModelClass {
  return typeof value === 'function' && tableDeclaration(value) !== undefined;
}
