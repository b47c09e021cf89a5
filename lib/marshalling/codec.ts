import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { StoredValueError } from '../errors/StoredValueError';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { decoderOf, encoderOf, type Decoder, type Encoder } from './attributeValues';
import { UnreadableValue } from './UnreadableValue';

/** A stored item, or a key, as DynamoDB sends it. */
export type Item = Record<string, AttributeValue>;

/** One attribute's converters, chosen once per schema. */
interface AttributeCodec {
  readonly name: string;
  /** Whether Object.prototype has a property of this name, which a plain read would find. */
  readonly onPrototype: boolean;
  readonly encode: Encoder;
  readonly decode: Decoder;
}

/** A model's encoder and decoder: an array of per-attribute converters, chosen once per schema. */
export interface Codec<M extends object> {
  /** A DynamoDB item from checked values (keyed by attribute name); missing and null values are left out. */
  encode(values: Readonly<Record<string, unknown>>): Item;
  /**
   * A model instance from a stored item, constructor not called. Only declared attributes are
   * read: others (written by other code) stay in the table, untouched by updates.
   * @throws StoredValueError when a value cannot be read exactly as its attribute's type.
   */
  decode(item: Readonly<Item>): M;
}

const cache = new WeakMap<CompiledSchema, Codec<object>>();

/** The codec of a schema, built on first use and cached. */
export function codecOf<M extends object>(schema: CompiledSchema<M>): Codec<M> {
  let codec = cache.get(schema);
  if (!codec) {
    codec = buildCodec(schema);
    cache.set(schema, codec);
  }
  return codec as Codec<M>;
}

/** Converts checked record values to a DynamoDB item; missing and null optional values are not stored. */
export function toItem(schema: CompiledSchema, values: Readonly<Record<string, unknown>>): Item {
  return codecOf(schema).encode(values);
}

/**
 * Converts a stored item to an instance of the model, without calling its constructor.
 * @throws StoredValueError when a value cannot be read exactly as its attribute's type.
 */
export function fromItem<M extends object>(schema: CompiledSchema<M>, item: Readonly<Item>): M {
  return codecOf(schema).decode(item);
}

function buildCodec<M extends object>(schema: CompiledSchema<M>): Codec<M> {
  const codecs: readonly AttributeCodec[] = schema.attributes.map((attribute) => ({
    name: attribute.name,
    onPrototype: attribute.onPrototype,
    encode: encoderOf(attribute),
    decode: decoderOf(attribute),
  }));
  const encode = (values: Readonly<Record<string, unknown>>): Item => {
    const item: Item = {};
    for (const codec of codecs) {
      const value = codec.onPrototype ? own(values, codec.name) : values[codec.name];
      if (value !== undefined && value !== null) item[codec.name] = codec.encode(value);
    }
    return item;
  };
  const fill = (record: Record<string, unknown>, item: Readonly<Item>): void => {
    for (const codec of codecs) {
      const stored = codec.onPrototype ? own(item, codec.name) : item[codec.name];
      if (stored === undefined) continue;
      try {
        record[codec.name] = codec.decode(stored);
      } catch (error) {
        throw unreadable(schema, codec.name, item, stored, error);
      }
    }
  };
  // A constructor sharing the model's prototype: instances of the model, built without calling the
  // model's constructor, whose properties V8 keeps in the object itself (it reserves room for what a
  // constructor assigns, unlike properties added to an Object.create() result).
  function Decoded(this: Record<string, unknown>, item: Readonly<Item>): void {
    fill(this, item);
  }
  Decoded.prototype = schema.model.prototype as object;
  const Constructor = Decoded as unknown as new (item: Readonly<Item>) => M;
  return Object.freeze({ encode, decode: (item: Readonly<Item>) => new Constructor(item) });
}

function own<T>(values: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(values, name) ? values[name] : undefined;
}

function unreadable(
  schema: CompiledSchema,
  attribute: string,
  item: Readonly<Item>,
  stored: AttributeValue,
  error: unknown,
): unknown {
  if (!(error instanceof UnreadableValue)) return error;
  const key: Item = {};
  for (const { name } of schema.keyAttributes) {
    const value = own(item, name);
    if (value !== undefined) key[name] = value;
  }
  return new StoredValueError(schema.modelName, attribute, key, stored, error.reason);
}
