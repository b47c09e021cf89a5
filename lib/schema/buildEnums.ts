import { SchemaError } from '../errors/SchemaError';
import type { CategoricalEnum, CompiledSchema, GeneratedEnums } from './CompiledSchema';
import { toPascalCase, toUpperSnake } from './names';

/** The enum of attribute names; a categorical attribute's enum cannot take its name. */
const ATTRIBUTE_ENUM = 'Attribute';

/** What keeps a name (an attribute's, or one of its categorical values) out of the enums. */
interface Clash {
  /** The attribute the error is about: the later of two clashing attributes, or the categorical one. */
  readonly property: string;
  readonly reason: string;
}

/** Names one or two of the things an enum is made of, as a message says them. */
type Describe = (names: readonly string[]) => string;

const describeAttributes: Describe = (names) =>
  `${names.length > 1 ? 'attributes' : 'attribute'} ${names.join(' and ')}`;
const describeValues: Describe = (names) =>
  `@Categorical ${names.length > 1 ? 'values' : 'value'} ${names.map((name) => JSON.stringify(name)).join(' and ')}`;

/**
 * Builds the deeply frozen enums of a model: `Attribute` (UPPER_SNAKE name → name) and one
 * PascalCase enum per categorical attribute (UPPER_SNAKE value → value).
 * @throws SchemaError naming both sides of every clash (two attribute names or two categorical
 * values giving one key, two categorical attributes giving one enum name) and every name with
 * no letter or digit; one error lists them all.
 */
export function buildEnums({
  modelName,
  attributes,
}: Pick<CompiledSchema, 'modelName' | 'attributes'>): GeneratedEnums {
  const clashes: Clash[] = [];
  const build = (
    enumName: string,
    names: readonly (readonly [string, string])[],
    describe: Describe,
    property?: string,
  ) =>
    buildEnum(names, describe, (name, reason) =>
      clashes.push({ property: property ?? name, reason: `${reason} in enumsOf(${modelName}).${enumName}.` }),
    );
  const enums: Record<string, CategoricalEnum> = {
    [ATTRIBUTE_ENUM]: build(
      ATTRIBUTE_ENUM,
      // keyed by the property, giving what DynamoDB calls the attribute, as the seed's Attribute enum does
      attributes.map((attribute) => [attribute.name, attribute.storedName] as const),
      describeAttributes,
    ),
  };
  const ownerOfEnum = new Map<string, string>([[ATTRIBUTE_ENUM, 'the enum of attribute names']]);
  for (const { name, categorical } of attributes) {
    const enumName = toPascalCase(name);
    // a name with no letter or digit gives no enum name either: the Attribute enum reports it
    if (!categorical || enumName === '') continue;
    const owner = ownerOfEnum.get(enumName);
    if (owner === undefined) {
      ownerOfEnum.set(enumName, `categorical attribute ${name}`);
      enums[enumName] = build(
        enumName,
        categorical.map((value) => [value, value] as const),
        describeValues,
        name,
      );
    } else {
      const reason = `categorical attribute ${name} gives the enum name ${enumName}, taken by ${owner}, in enumsOf(${modelName}).`;
      clashes.push({ property: name, reason });
    }
  }
  if (clashes.length === 1) throw new SchemaError(modelName, clashes[0]!.property, clashes[0]!.reason);
  if (clashes.length > 1) {
    const list = clashes.map(({ property, reason }) => `${property}: ${reason}`).join(' ');
    throw new SchemaError(modelName, undefined, `${clashes.length} names clash in enumsOf(${modelName}): ${list}`);
  }
  return Object.freeze(enums);
}

/**
 * One frozen enum, UPPER_SNAKE of each name → its value; `clash` hears why a name gives no key of
 * its own.
 */
function buildEnum(
  names: readonly (readonly [name: string, value: string])[],
  describe: Describe,
  clash: (name: string, reason: string) => void,
): CategoricalEnum {
  const entries: Record<string, string> = {};
  const sources = new Map<string, string>();
  for (const [name, value] of names) {
    const key = toUpperSnake(name);
    const taken = sources.get(key);
    if (key === '') clash(name, `${describe([name])} has no letter or digit to make an enum key from`);
    else if (taken !== undefined) clash(name, `${describe([taken, name])} give the same enum key ${key}`);
    else {
      entries[key] = value;
      sources.set(key, name);
    }
  }
  return Object.freeze(entries);
}
