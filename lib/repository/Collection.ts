import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { RecordValidationError } from '../errors/RecordValidationError';
import { SchemaError } from '../errors/SchemaError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import { fromItem } from '../marshalling/codec';
import { tableDefinition } from '../requests/tableDefinition';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { mergeTableSchemas } from '../schema/mergeTableSchemas';
import { entityOfItem } from '../validation/checkEntity';
import { booleanOption, optionIssues, wholeNumberOption } from '../validation/checkOptions';
import { checkQueryOptions } from '../validation/checkQueryOptions';
import { createTable, type CreateTableResult } from './manageTable';
import type { ReadTarget } from './PagedRead';
import type { Item } from './paginate';
import { Query } from './Query';
import type { CollectionQueryOptions } from './readOptions';
import { Repository } from './Repository';

/** The model of a repository. */
export type ModelOf<R> = R extends Repository<infer M> ? M : never;

const COLLECTION_QUERY_OPTIONS = {
  limit: wholeNumberOption(1),
  pageSize: wholeNumberOption(1),
  consistent: booleanOption,
  reverse: booleanOption,
};

/**
 * The repositories of several models stored in one table, read together: `query` yields the items
 * of one partition, each as an instance of its own model, in sort key order; `createTable` creates
 * the table every model needs (their keys and indexes merged).
 * @example
 * for await (const item of collection(users, orders).query({ user_id: 'u1' })) {
 *   if (item instanceof Order) console.log(item.order_id);
 * }
 */
export class Collection<M extends object> {
  /** The table the models share. */
  readonly tableName: string;
  private readonly first: Repository<object>;
  /** The table as every model needs it: keys, merged indexes, TTL and capacity. */
  private readonly table: CompiledSchema;
  private readonly byEntity: ReadonlyMap<string, CompiledSchema>;

  /**
   * @throws RecordValidationError when an argument is not a Repository or uses another client.
   * @throws SchemaError when the models are stored in different tables or partitions, a model declares no entity
   *   or another model's, or their keys, indexes, TTL attributes or capacities conflict.
   */
  constructor(repositories: readonly Repository<M>[]) {
    const issues: ValidationIssue[] = repositories.flatMap((repository, index) =>
      repository instanceof Repository
        ? []
        : [{ attribute: `repositories[${index}]`, received: typeof repository, constraint: 'must be a Repository' }],
    );
    const first = repositories[0] as Repository<object> | undefined;
    if (!first) issues.push({ attribute: 'repositories', received: 'empty', constraint: 'must name at least one' });
    if (issues.length > 0) throw new RecordValidationError('collection', issues);
    this.first = first!;
    this.tableName = this.first.tableName;
    for (const repository of repositories) checkShared(this.first, repository);
    this.table = mergeTableSchemas(repositories.map((repository) => repository.schema));
    this.byEntity = new Map(repositories.map(({ schema }) => [schema.entity?.name ?? '', schema]));
  }

  /** The `CreateTableCommandInput` that `createTable` sends: the keys, and every model's indexes. */
  tableDefinition(): CreateTableCommandInput {
    return tableDefinition(this.table, this.tableName);
  }

  /**
   * Creates the table every model of the collection needs, as `Repository.createTable` does for one:
   * their keys, every model's declared indexes, TTL.
   * @throws SchemaError when an existing table's keys or indexes differ from the models'.
   * @throws UnsupportedCapabilityError when the engine lacks TTL or index building.
   */
  async createTable(): Promise<CreateTableResult> {
    return createTable({ ...this.first.target('createTable'), schema: this.table });
  }

  /**
   * Reads one partition (`key` names it as each model's query would: a templated partition key by its
   * parts) and yields each item of the collection's entities as an instance of its own model, in sort
   * key order; items of other entities are skipped and counted (`skipped`). Iterate it, or `.page()`.
   * @throws RecordValidationError before any request for a key that does not name the partition, or a bad option.
   */
  query(key: Readonly<Record<string, unknown>>, options?: CollectionQueryOptions): Query<M> {
    const issues = optionIssues(options, COLLECTION_QUERY_OPTIONS, 'collection query');
    if (issues.length > 0) throw new RecordValidationError(this.table.modelName, issues);
    const plan = checkQueryOptions(this.table, key, options, new Map());
    return new CollectionQuery<M>({ ...this.first.readTarget(), schema: this.table }, plan, this.byEntity);
  }
}

/**
 * The collection of several repositories of one table.
 * @throws RecordValidationError or SchemaError as the `Collection` constructor does.
 */
export function collection<const R extends readonly Repository<object>[]>(
  ...repositories: R
): Collection<ModelOf<R[number]>> {
  return new Collection(repositories as unknown as readonly Repository<ModelOf<R[number]>>[]);
}

/** Each member reads the same partitions of the same table through the same client. */
function checkShared(first: Repository<object>, repository: Repository<object>): void {
  const { schema } = repository;
  if (!schema.entity)
    throw new SchemaError(
      schema.modelName,
      undefined,
      'declares no entity: @Table({ name, entity: "..." }) tells a collection\'s items apart.',
    );
  if (repository.tableName !== first.tableName)
    throw new SchemaError(
      schema.modelName,
      undefined,
      `is stored in ${repository.tableName}, ${first.schema.modelName} in ${first.tableName}: a collection reads one table.`,
    );
  if (repository.client !== first.client)
    throw new RecordValidationError(schema.modelName, [
      {
        attribute: 'client',
        received: 'object',
        constraint: `must be the client of the collection's first repository (${first.schema.modelName})`,
      },
    ]);
  const partition = (each: CompiledSchema) => each.partitionKey.template?.source ?? `{${each.partitionKey.name}}`;
  if (partition(schema) !== partition(first.schema))
    throw new SchemaError(
      schema.modelName,
      schema.partitionKey.name,
      `makes its partition key as ${partition(schema)}, ${first.schema.modelName} as ${partition(first.schema)}: a collection's models name one partition the same way.`,
    );
}

/** A query whose items are instances of the model their entity names. */
class CollectionQuery<T> extends Query<T> {
  constructor(
    target: ReadTarget,
    plan: ConstructorParameters<typeof Query>[1],
    private readonly byEntity: ReadonlyMap<string, CompiledSchema>,
  ) {
    super(target, plan);
  }

  protected override accept(): (item: Item) => boolean {
    const attribute = this.target.schema.entity!.storedName;
    return (item) => this.byEntity.has(entityOfItem(attribute, item) ?? '');
  }

  protected override decode(item: Item): T {
    const entity = entityOfItem(this.target.schema.entity!.storedName, item)!;
    return fromItem(this.byEntity.get(entity)!, item) as T;
  }
}
