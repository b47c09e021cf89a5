import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { CompiledAttribute, CompiledSchema } from '../schema/CompiledSchema';
import { checkValue } from '../validation/checkValue';
import { isStorableBigInt, isStorableNumber } from '../validation/checks';
import { fromAttributeValue } from './fromAttributeValue';
import { fromNestedAttributeValue } from './nested';
import { toAttributeValue } from './toAttributeValue';

/**
 * A model's encoder, decoder and fast schema check, generated once from its compiled schema
 * so the per-record work is straight-line code with no lookups or switches.
 */
export interface Codec<M extends object> {
  /**
   * Whether given values (own, defined ones only: see `givenValues`) fit the schema's own
   * rules for a create: known attributes only, required ones present, types, categorical
   * values, no empty keys. False says nothing about why: the caller then runs the detailed
   * validator, which names every issue.
   */
  fits(values: Readonly<Record<string, unknown>>): boolean;
  /** A DynamoDB item from checked values; missing and null values are left out. */
  encode(values: Readonly<Record<string, unknown>>): Record<string, AttributeValue>;
  /** A model instance from a stored item (constructor not called; undeclared attributes kept, read untyped). */
  decode(item: Readonly<Record<string, AttributeValue>>): M;
}

/** What the generated code may call: the general converters, for the attribute types not inlined. */
const helpers = {
  toAttributeValue,
  fromAttributeValue,
  fromNestedAttributeValue,
  checkValue,
  isStorableNumber,
  isStorableBigInt,
  copyUndeclared(record: object, item: Readonly<Record<string, AttributeValue>>, declared: ReadonlySet<string>): void {
    for (const name of Object.keys(item)) {
      if (declared.has(name)) continue;
      // defineProperty: an undeclared attribute named `__proto__` must stay data
      Object.defineProperty(record, name, { value: fromNestedAttributeValue(item[name]!), enumerable: true, writable: true, configurable: true });
    }
  },
};

const cache = new WeakMap<CompiledSchema, Codec<object>>();

/**
 * The codec of a schema, generated on first use and cached. Every attribute name enters the
 * generated source only through JSON.stringify, so no name can break out of its string.
 */
export function codecOf<M extends object>(schema: CompiledSchema<M>): Codec<M> {
  let codec = cache.get(schema);
  if (!codec) {
    codec = generateCodec(schema);
    cache.set(schema, codec);
  }
  return codec as Codec<M>;
}

function generateCodec<M extends object>(schema: CompiledSchema<M>): Codec<M> {
  const attributes = schema.attributes;
  const categoricals = attributes.map((attribute) => new Set(attribute.categorical ?? []));
  const declared = new Set(attributes.map((attribute) => attribute.name));
  const source = `
    const fits = (v) => {
      let x, n = 0;
      ${attributes.map((attribute, i) => fitsStatement(attribute, i)).join('\n')}
      return Object.keys(v).length === n;
    };
    const encode = (v) => {
      const item = {};
      let x;
      ${attributes.map((attribute, i) => encodeStatement(attribute, i)).join('\n')}
      return item;
    };
    const decode = (item) => {
      const r = Object.create(proto);
      let a, n = 0;
      ${attributes.map((attribute, i) => decodeStatement(attribute, i)).join('\n')}
      if (n !== Object.keys(item).length) h.copyUndeclared(r, item, declared);
      return r;
    };
    return { fits, encode, decode };`;
  const build = new Function('h', 'attributes', 'categoricals', 'declared', 'proto', source) as (
    ...args: unknown[]
  ) => Codec<M>;
  return Object.freeze(build(helpers, attributes, categoricals, declared, schema.model.prototype));
}

/** `v["name"]`, with the name escaped as a JSON (and so JavaScript) string literal. */
function access(target: string, attribute: CompiledAttribute): string {
  return `${target}[${JSON.stringify(attribute.name)}]`;
}

function fitsStatement(attribute: CompiledAttribute, i: number): string {
  const missing = attribute.optional ? '' : 'return false;';
  // a version is the library's to write: any given one goes to the detailed validator
  const present = attribute.role === 'version' ? 'return false;' : `n++; if (!(${fitsCondition(attribute, i)})) return false;`;
  return `x = ${access('v', attribute)};
      if (x === undefined) { ${missing} } else if (x === null) { n++; ${missing} } else { ${present} }`;
}

function fitsCondition(attribute: CompiledAttribute, i: number): string {
  const nonEmptyKey = attribute.key ? ' && x !== ""' : '';
  switch (attribute.type) {
    case 'string':
      return attribute.categorical ? `typeof x === "string" && categoricals[${i}].has(x)` : `typeof x === "string"${nonEmptyKey}`;
    case 'number':
      return 'typeof x === "number" && h.isStorableNumber(x)';
    case 'boolean':
      return 'typeof x === "boolean"';
    case 'date':
      return 'x instanceof Date && x.getTime() === x.getTime()';
    default:
      return `h.checkValue(attributes[${i}], x) === undefined`;
  }
}

function encodeStatement(attribute: CompiledAttribute, i: number): string {
  const value = (() => {
    switch (attribute.type) {
      case 'string':
        return '{ S: x }';
      case 'number':
      case 'bigint':
        return '{ N: x.toString() }';
      case 'boolean':
        return '{ BOOL: x }';
      case 'binary':
        return '{ B: x }';
      case 'date':
        return attribute.role === 'ttl' ? '{ N: String(Math.floor(x.getTime() / 1000)) }' : '{ S: x.toISOString() }';
      default:
        return `h.toAttributeValue(attributes[${i}], x)`;
    }
  })();
  return `x = ${access('v', attribute)};
      if (x !== undefined && x !== null) ${access('item', attribute)} = ${value};`;
}

function decodeStatement(attribute: CompiledAttribute, i: number): string {
  const fallback = `h.fromAttributeValue(attributes[${i}], a)`;
  const value = (() => {
    switch (attribute.type) {
      case 'string':
        return `a.S !== undefined ? a.S : ${fallback}`;
      case 'number':
        return `a.N !== undefined ? Number(a.N) : ${fallback}`;
      case 'bigint':
        return `a.N !== undefined ? BigInt(a.N) : ${fallback}`;
      case 'boolean':
        return `a.BOOL !== undefined ? a.BOOL : ${fallback}`;
      default:
        return fallback;
    }
  })();
  // compileSchema refuses the attribute name `__proto__`, so plain assignment is safe here
  return `a = ${access('item', attribute)};
      if (a !== undefined) { n++; ${access('r', attribute)} = ${value}; }`;
}
