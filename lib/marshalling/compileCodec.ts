import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { CompiledAttribute, CompiledSchema } from '../schema/CompiledSchema';
import { checkValue } from '../validation/checkValue';
import { isStorableNumber } from '../validation/checks';
import { fromAttributeValue } from './fromAttributeValue';
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
  /**
   * A model instance from a stored item, constructor not called. Only declared attributes are
   * read: others (written by other code) stay in the table, untouched by updates, but are not
   * on the record, so a record can always be written back through the schema.
   */
  decode(item: Readonly<Record<string, AttributeValue>>): M;
}

/** What the generated code may call: the general converters, for the attribute types not inlined. */
const helpers = {
  toAttributeValue,
  fromAttributeValue,
  checkValue,
  isStorableNumber,
};

const cache = new WeakMap<CompiledSchema, Codec<object>>();

/**
 * The codec of a schema, generated on first use and cached. Every attribute name enters the
 * generated source only through JSON.stringify, so no name can break out of its string.
 */
export function codecOf<M extends object>(schema: CompiledSchema<M>): Codec<M> {
  // the last codec asked for answers without a WeakMap lookup: runs of records share a model
  if (schema === last.schema) return last.codec as Codec<M>;
  let codec = cache.get(schema);
  if (!codec) {
    codec = generateCodec(schema);
    cache.set(schema, codec);
  }
  last = { schema, codec };
  return codec as Codec<M>;
}

let last: { schema?: CompiledSchema; codec?: Codec<object> } = {};

function generateCodec<M extends object>(schema: CompiledSchema<M>): Codec<M> {
  const attributes = schema.attributes;
  const categoricals = attributes.map((attribute) => new Set(attribute.categorical ?? []));
  const source = `
    const fits = (v) => {
      let x, n = 0;
      ${attributes.map((attribute, i) => fitsStatement(attribute, i)).join('\n')}
      return Object.keys(v).length === n;
    };
    const encode = (v) => {
      // required attributes are present in checked values: one object literal, one shape
      const item = { ${attributes
        .filter(isAlwaysPresent)
        .map(
          (attribute) =>
            `${JSON.stringify(attribute.name)}: ${encodedValue(attribute, attributes.indexOf(attribute), access('v', attribute))}`,
        )
        .join(', ')} };
      let x;
      ${attributes
        .filter((attribute) => !isAlwaysPresent(attribute))
        .map((attribute) => encodeStatement(attribute, attributes.indexOf(attribute)))
        .join('\n')}
      return item;
    };
    // a constructor sharing the model's prototype: instances of the model, built without calling
    // the model's constructor, with their properties in the object itself (V8 reserves room for
    // what a constructor assigns, unlike properties added to an Object.create() result)
    function Decoded(item) {
      const r = this;
      let a;
      ${attributes.map((attribute, i) => decodeStatement(attribute, i)).join('\n')}
    }
    Decoded.prototype = proto;
    const decode = (item) => new Decoded(item);
    return { fits, encode, decode };`;
  const build = new Function('h', 'attributes', 'categoricals', 'proto', source) as (...args: unknown[]) => Codec<M>;
  return Object.freeze(build(helpers, attributes, categoricals, schema.model.prototype));
}

/** `v["name"]`, with the name escaped as a JSON (and so JavaScript) string literal. */
function access(target: string, attribute: CompiledAttribute): string {
  return `${target}[${JSON.stringify(attribute.name)}]`;
}

function fitsStatement(attribute: CompiledAttribute, i: number): string {
  const missing = attribute.optional ? '' : 'return false;';
  // a version is the library's to write: any given one goes to the detailed validator
  const present =
    attribute.role === 'version' ? 'return false;' : `n++; if (!(${fitsCondition(attribute, i)})) return false;`;
  return `x = ${access('v', attribute)};
      if (x === undefined) { ${missing} } else if (x === null) { n++; ${missing} } else { ${present} }`;
}

function fitsCondition(attribute: CompiledAttribute, i: number): string {
  const nonEmptyKey = attribute.key ? ' && x !== ""' : '';
  switch (attribute.type) {
    case 'string':
      return attribute.categorical
        ? `typeof x === "string" && categoricals[${i}].has(x)`
        : `typeof x === "string"${nonEmptyKey}`;
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

/** Required attributes are always in checked values; optional ones (lifecycle ones included) may be missing. */
function isAlwaysPresent(attribute: CompiledAttribute): boolean {
  return !attribute.optional;
}

function encodedValue(attribute: CompiledAttribute, i: number, x: string): string {
  switch (attribute.type) {
    case 'string':
      return `{ S: ${x} }`;
    case 'number':
    case 'bigint':
      return `{ N: ${x}.toString() }`;
    case 'boolean':
      return `{ BOOL: ${x} }`;
    case 'binary':
      return `{ B: ${x} }`;
    case 'date':
      return attribute.role === 'ttl'
        ? `{ N: String(Math.floor(${x}.getTime() / 1000)) }`
        : `{ S: ${x}.toISOString() }`;
    default:
      return `h.toAttributeValue(attributes[${i}], ${x})`;
  }
}

function encodeStatement(attribute: CompiledAttribute, i: number): string {
  return `x = ${access('v', attribute)};
      if (x !== undefined && x !== null) ${access('item', attribute)} = ${encodedValue(attribute, i, 'x')};`;
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
      if (a !== undefined) ${access('r', attribute)} = ${value};`;
}
