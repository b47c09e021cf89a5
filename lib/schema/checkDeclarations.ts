import { SchemaError } from '../errors/SchemaError';
import type {
  AttributeDeclaration,
  AttributeOptions,
  AttributeType,
  DateStorage,
  DecoratorMisuse,
  IndexDeclaration,
  IndexProjection,
  StreamView,
  TableDeclaration,
} from '../metadata/declarations';
import { decoratorsLackedMetadata, ownMisuses, tableDeclaration } from '../metadata/store';
import { describeType, isCapacity, isPlainObject, isValidTableName } from '../validation/checks';
import {
  booleanOption,
  oneOfOption,
  optionIssues,
  optionOf,
  stringOption,
  type OptionRule,
  type OptionRules,
} from '../validation/checkOptions';
import type { ModelClass } from './CompiledSchema';
import { classChain } from './classChain';

// Decorators record what they were given; here it is checked, with the one options checker that
// every public call uses, so `@Attribute({ optinal: true })` is a SchemaError naming the option.

/** Every attribute type, in the order messages list them. */
export const ATTRIBUTE_TYPES: readonly AttributeType[] = [
  'string',
  'number',
  'bigint',
  'boolean',
  'date',
  'binary',
  'list',
  'map',
  'stringSet',
  'numberSet',
  'binarySet',
];

/** Every stream view type, in the order messages list them. */
export const STREAM_VIEWS: readonly StreamView[] = ['NEW_AND_OLD_IMAGES', 'NEW_IMAGE', 'OLD_IMAGE', 'KEYS_ONLY'];

/** The type names a converter can store (every type but 'date'). */
export const STORED_TYPES: readonly AttributeType[] = ATTRIBUTE_TYPES.filter((name) => name !== 'date');
export const DATE_STORAGES: readonly DateStorage[] = ['iso', 'epochSeconds', 'epochMillis'];

const typeName = oneOfOption(ATTRIBUTE_TYPES);
/** A type name, a class (stored as a map), or a list of one class (`[LineItem]`). */
const type: OptionRule = (value) => {
  if (typeof value === 'function') return undefined;
  if (Array.isArray(value)) {
    return value.length === 1 && typeof value[0] === 'function'
      ? undefined
      : "must be a list of one class, as [LineItem], for a list of a class's values";
  }
  return typeName(value);
};
const keyName = stringOption(1);
const storedName: OptionRule = (value) => {
  if (typeof value !== 'string' || value === '') return 'must be a non-empty string';
  // assigning it would replace an object's prototype instead of storing a value
  return value === '__proto__' ? 'cannot be __proto__' : undefined;
};
const converter = optionOf(
  isConverter,
  `a converter: { type: ${STORED_TYPES.join(' | ')}, toStored(value), fromStored(stored) }`,
);
const storage = oneOfOption(DATE_STORAGES);
// a template's parts are checked by compileTemplates, with the attributes in hand
const template = stringOption(1);
// a default's value is checked like any value, when a record is written
const anyDefault: OptionRule = () => undefined;
// an index projection's shape and attributes are checked by compileIndexes, with the attributes in hand
const projection: OptionRule = () => undefined;

const ATTRIBUTE_RULES: Readonly<Record<AttributeDeclaration['decorator'], OptionRules>> = {
  '@Attribute': { type, optional: booleanOption, name: storedName, default: anyDefault, converter, storage, template },
  '@Categorical': { type, optional: booleanOption, name: storedName, default: anyDefault },
  '@PartitionKey': { type, name: storedName, default: anyDefault, converter, storage, template },
  '@SortKey': { type, name: storedName, default: anyDefault, converter, storage, template },
  '@Version': { type, name: storedName },
  '@CreatedAt': { type, name: storedName, storage },
  '@UpdatedAt': { type, name: storedName, storage },
  '@Ttl': { type, name: storedName },
  // the index decorators' options belong to the index, checked with it
  '@GlobalIndex': {},
  '@LocalIndex': {},
};

// on a property, the property is the index's partition key (global) or sort key (local)
const INDEX_RULES = {
  global: {
    onClass: { partitionKey: keyName, sortKey: keyName, projection },
    onProperty: { sortKey: keyName, projection },
  },
  local: { onClass: { sortKey: keyName, projection }, onProperty: { projection } },
} as const;

const TABLE_RULES: OptionRules = {
  name: (value) => {
    if (isValidTableName(value)) return undefined;
    const rule = '3 to 255 of a-z A-Z 0-9 _ - .';
    return typeof value === 'string' ? `must be ${rule} (got ${JSON.stringify(value)})` : `must be a string of ${rule}`;
  },
  provisioned: optionOf(isProvisioned, '{ readCapacityUnits, writeCapacityUnits }, whole numbers of at least 1'),
  stream: oneOfOption(STREAM_VIEWS),
  entity: stringOption(1),
  entityAttribute: storedName,
};

/** The attribute that holds a model's entity name unless `@Table({ entityAttribute })` names another. */
export const DEFAULT_ENTITY_ATTRIBUTE = '_entity';

/** The options of an index as checked. */
export interface IndexOptions {
  readonly partitionKey?: string;
  readonly sortKey?: string;
  readonly projection?: IndexProjection;
}

/**
 * Checks that no decorator of the class chain sits where the library does not support it.
 * @throws SchemaError naming each misused decorator and where it sits.
 */
export function checkMisuses(model: ModelClass, modelName: string): void {
  const misuses = classChain(model).flatMap((level) => ownMisuses(level));
  if (misuses.length === 0) return;
  const property = misuses.length === 1 ? misuses[0]!.property : undefined;
  const described = misuses.map((misuse) =>
    misuses.length === 1 || misuse.property === undefined
      ? misuseReason(misuse)
      : `${misuse.property}: ${misuseReason(misuse)}`,
  );
  throw new SchemaError(modelName, property, described.join(' '));
}

/**
 * The class's `@Table` options, checked.
 * @throws SchemaError when there is no `@Table`, or an option is unknown or invalid.
 */
export function checkedTable(model: ModelClass, modelName: string): TableDeclaration {
  const record = tableDeclaration(model);
  if (!record)
    throw new SchemaError(
      modelName,
      undefined,
      `no @Table: add @Table({ name: "..." }) to the class.${metadataHint()}`,
    );
  throwIssues(modelName, undefined, '@Table', record.options, TABLE_RULES);
  const options = record.options as Partial<TableDeclaration> | undefined;
  if (options?.name === undefined)
    throw new SchemaError(modelName, undefined, '@Table needs a name: @Table({ name: "..." }).');
  if (options.entityAttribute !== undefined && options.entity === undefined)
    throw new SchemaError(
      modelName,
      undefined,
      '@Table: entityAttribute names where the entity name is stored, so it needs entity: @Table({ name, entity: "..." }).',
    );
  return options as TableDeclaration;
}

/** A property declaration with its options checked and spread in. */
export type CheckedDeclaration = Omit<AttributeDeclaration, 'options'> & AttributeOptions;

/**
 * A property declaration with the options its decorator was given checked.
 * @throws SchemaError naming the class, property and option.
 */
export function checkedDeclaration(modelName: string, declaration: AttributeDeclaration): CheckedDeclaration {
  const { options, ...recorded } = declaration;
  throwIssues(modelName, recorded.property, recorded.decorator, options, ATTRIBUTE_RULES[recorded.decorator]);
  return { ...recorded, ...(options as AttributeOptions | undefined) };
}

/**
 * The options of an index declaration, checked; on a property, the property is its key.
 * @throws SchemaError naming the class, property and option.
 */
export function checkedIndexOptions(modelName: string, declaration: IndexDeclaration): IndexOptions {
  const { kind, property } = declaration;
  const decorator = kind === 'global' ? '@GlobalIndex' : '@LocalIndex';
  const onProperty = property !== undefined;
  const rules = onProperty ? INDEX_RULES[kind].onProperty : INDEX_RULES[kind].onClass;
  const label = `${decorator}(${shown(declaration.name)})`;
  throwIssues(
    modelName,
    property,
    label,
    declaration.options,
    rules,
    onProperty ? `${decorator} on a property` : decorator,
  );
  const options = (declaration.options ?? {}) as IndexOptions;
  if (!onProperty) return options;
  return kind === 'global' ? { ...options, partitionKey: property } : { ...options, sortKey: property };
}

/** A declared value as a message shows it: a string quoted, a primitive as written, anything else by its type. */
export function shown(value: unknown): string {
  // not JSON.stringify alone: it throws on a bigint, and returns undefined for a symbol or a function
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || ['number', 'boolean', 'undefined'].includes(typeof value)) return String(value);
  return describeType(value);
}

/** Why a class has no attributes, when standard decorators could not record them. */
export function metadataHint(): string {
  return decoratorsLackedMetadata()
    ? ' Some standard decorators ran without context.metadata, so they could record nothing: define the model' +
        ' classes after importing dynamodb-decorators (which provides Symbol.metadata), and compile with a version' +
        ' that passes decorator metadata (TypeScript 5.2 or later).'
    : '';
}

/** @throws SchemaError `<label>: <option> (<received>) <constraint>` for each issue of the options. */
function throwIssues(
  modelName: string,
  property: string | undefined,
  label: string,
  options: unknown,
  rules: OptionRules,
  call = label,
): void {
  const issues = optionIssues(options, rules, call);
  if (issues.length === 0) return;
  const described = issues.map((issue) => `${issue.attribute} (${issue.received}) ${issue.constraint}`);
  throw new SchemaError(modelName, property, `${label}: ${described.join('; ')}.`);
}

function isConverter(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { type: stored, toStored, fromStored } = value as Record<string, unknown>;
  return (
    STORED_TYPES.includes(stored as AttributeType) && typeof toStored === 'function' && typeof fromStored === 'function'
  );
}

function isProvisioned(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const { readCapacityUnits, writeCapacityUnits, ...rest } = value;
  return isCapacity(readCapacityUnits) && isCapacity(writeCapacityUnits) && Object.keys(rest).length === 0;
}

const USAGE: Readonly<Record<string, string>> = {
  '@Table': '@Table({ name: "..." })',
  '@Categorical': '@Categorical([...values])',
  '@GlobalIndex': '@GlobalIndex("name")',
  '@LocalIndex': '@LocalIndex("name")',
};

function misuseReason({ decorator, place, withoutParentheses }: DecoratorMisuse): string {
  if (withoutParentheses)
    return `${decorator} is used without parentheses: write ${USAGE[decorator] ?? `${decorator}()`}.`;
  if (place === 'class') return `${decorator} decorates a property, not the class.`;
  const where = `${/^[aeiou]/.test(place) ? 'an' : 'a'} ${place}`;
  if (decorator === '@Table') return `@Table decorates the class, not ${where}: put it above the class.`;
  return `${decorator} cannot decorate ${where}: attributes are public instance properties with string names (name!: string).`;
}
