import { SchemaError } from '../errors/SchemaError';
import type { CategoricalEnum, CompiledAttribute, GeneratedEnums } from './CompiledSchema';
import { toPascalCase, toUpperSnake } from './names';

/**
 * Builds the deeply frozen enums of a model: `Attribute` (UPPER_SNAKE name → name) and one
 * PascalCase enum per categorical attribute (UPPER_SNAKE value → value).
 * @throws SchemaError when two names would share an enum key.
 */
export function buildEnums(modelName: string, attributes: readonly CompiledAttribute[]): GeneratedEnums {
  const enums: Record<string, CategoricalEnum> = {
    Attribute: buildEnum(
      attributes.map((attribute) => attribute.name),
      (name, reason) => {
        throw new SchemaError(modelName, name, `attribute name ${reason} in enumsOf(...).Attribute.`);
      },
    ),
  };
  for (const attribute of attributes) {
    if (!attribute.categorical) continue;
    const enumName = toPascalCase(attribute.name);
    if (Object.hasOwn(enums, enumName)) {
      throw new SchemaError(modelName, attribute.name, `its enum name ${enumName} is already taken in enumsOf(...).`);
    }
    enums[enumName] = buildEnum(attribute.categorical, (value, reason) => {
      throw new SchemaError(modelName, attribute.name, `@Categorical value ${JSON.stringify(value)} ${reason}.`);
    });
  }
  return Object.freeze(enums);
}

function buildEnum(names: readonly string[], fail: (name: string, reason: string) => never): CategoricalEnum {
  const entries: Record<string, string> = {};
  for (const name of names) {
    const key = toUpperSnake(name);
    if (key === '') fail(name, 'has no letter or digit to make an enum key from');
    if (Object.hasOwn(entries, key))
      fail(name, `gives the enum key ${key}, already used by ${JSON.stringify(entries[key])}`);
    entries[key] = name;
  }
  return Object.freeze(entries);
}
