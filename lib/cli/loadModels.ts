import { createRequire } from 'node:module';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tableDeclaration } from '../metadata/store';
import type { CompiledSchema, ModelClass } from '../schema/CompiledSchema';
import { compileSchema } from '../schema/compileSchema';
import { mergeTableSchemas } from '../schema/mergeTableSchemas';
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
 * Imports the module (by path, relative to the working directory) and finds its models: Repository
 * instances, Repository subclasses (constructed without arguments, as `new PhoneRepository()`) and
 * classes decorated with @Table. A model is taken through its exported repository instances when
 * there are any (they carry the app's table names), else its Repository subclasses, else its class;
 * the same model and table twice count once.
 * @throws CliError when the module cannot be loaded, or exports no model and no repository.
 * @throws SchemaError when a model's decorators are inconsistent.
 */
export async function loadModels(modulePath: string): Promise<ModelTable[]> {
  const exports = await importModule(modulePath);
  // by precedence: a repository instance (it carries the app's table name), a Repository subclass, the model class
  const ranked = Object.entries(exports).flatMap(([name, value]): { rank: number; entry: () => ModelTable }[] => {
    if (isRepository(value)) return [{ rank: 0, entry: () => fromRepository(name, value) }];
    if (isRepositoryClass(value)) return [{ rank: 1, entry: () => fromRepository(name, construct(name, value)) }];
    if (isModelClass(value)) return [{ rank: 2, entry: () => fromModel(name, value) }];
    return [];
  });
  const found = ranked.map(({ rank, entry }) => ({ rank, table: entry() }));
  const tables = found
    .filter(
      ({ rank, table }) => !found.some((other) => other.rank < rank && other.table.schema.model === table.schema.model),
    )
    .map(({ table }) => table);
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
  return sharedTables(unique);
}

/**
 * Models stored in one table (several entities) become one table, with the keys and indexes of all,
 * as `collection(...).createTable()` makes it: a command works on tables, and one model's table alone
 * would lack the others' indexes.
 * @throws SchemaError when the models disagree on the table (keys, an index, TTL, stream, entities).
 */
function sharedTables(tables: readonly ModelTable[]): ModelTable[] {
  const byName = new Map<string, ModelTable[]>();
  for (const table of tables) byName.set(table.tableName, [...(byName.get(table.tableName) ?? []), table]);
  return [...byName.values()].map((models) =>
    models.length === 1
      ? models[0]!
      : {
          schema: mergeTableSchemas(models.map((model) => model.schema)),
          tableName: models[0]!.tableName,
          source: models.map((model) => model.source).join(' + '),
        },
  );
}

async function importModule(modulePath: string): Promise<Record<string, unknown>> {
  const path = resolve(modulePath);
  let loaded: unknown;
  try {
    loaded = await import(pathToFileURL(path).href);
  } catch (error) {
    if (error instanceof Error && error.name === 'SchemaError') throw error; // a model checked as the module loads
    loaded = requireThroughHook(path, error);
    if (loaded === undefined) {
      const reason = error instanceof Error ? error.message : String(error);
      const hint = /\.[cm]?tsx?$/.test(modulePath)
        ? ' A .ts module needs a loader: node --import tsx node_modules/.bin/dynamodb-decorators ..., or compile it first.'
        : '';
      throw new CliError(`cannot load ${modulePath}: ${reason.replace(/\.?$/, '.')}${hint}`, { cause: error });
    }
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

/**
 * A loader registered with `node -r` (ts-node/register, @swc-node/register) hooks require(), not
 * import(): a file import() cannot take is required when such a hook claims its extension.
 */
function requireThroughHook(path: string, importError: unknown): unknown {
  const code = (importError as { code?: unknown } | null)?.code;
  if (code !== 'ERR_UNKNOWN_FILE_EXTENSION') return undefined;
  const load = createRequire(path);
  if (!Object.hasOwn(load.extensions, extname(path))) return undefined;
  return { default: load(path) as unknown };
}

function fromRepository(source: string, repository: RepositoryLike): ModelTable {
  return { schema: repository.schema, tableName: repository.tableName, source };
}

function fromModel(source: string, model: ModelClass): ModelTable {
  const schema = compileSchema(model);
  return { schema, tableName: schema.tableName, source };
}

function construct(name: string, repositoryClass: unknown): RepositoryLike {
  let instance: unknown;
  try {
    instance = new (repositoryClass as new () => unknown)();
  } catch (error) {
    if (error instanceof Error && error.name === 'SchemaError') throw error;
    throw new CliError(
      `${name}: a Repository subclass is constructed without arguments, and this one threw: ${String(error)}. ` +
        'Export a repository instance instead (export const phones = new PhoneRepository({ ... })).',
      { cause: error },
    );
  }
  if (!isRepository(instance)) throw new CliError(`${name}: constructed without arguments, it is no Repository.`);
  return instance;
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
