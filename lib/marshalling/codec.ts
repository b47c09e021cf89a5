import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { StoredValueError } from '../errors/StoredValueError';
import type { CompiledAttribute, CompiledSchema, CompiledShape } from '../schema/CompiledSchema';
import { shapeOf } from '../schema/shapeOf';
import { typeDecoder, typeEncoder, type Decoder, type Encoder } from './attributeValues';
import { UnreadableValue } from './UnreadableValue';

/** A stored item, or a key, as DynamoDB sends it. */
export type Item = Record<string, AttributeValue>;

/** A class's encoder and decoder: an array of per-attribute converters, chosen once per class. */
export interface Codec<M extends object> {
  /** A DynamoDB item (or map) from checked values keyed by property name; missing and null values are left out. */
  encode(values: Readonly<Record<string, unknown>>): Item;
  /**
   * An instance of the class from a stored item (or map), constructor not called. Only declared
   * attributes are read: others (written by other code) stay in the table, untouched by updates.
   * @throws UnreadableValue when a value cannot be read exactly as its attribute's type.
   */
  decode(item: Readonly<Item>): M;
}

/** One attribute's converters, chosen once per class. */
interface AttributeCodec {
  readonly name: string;
  readonly storedName: string;
  /** Whether Object.prototype has a property of the name (values) or stored name (items), which a plain read would find. */
  readonly nameOnPrototype: boolean;
  readonly storedOnPrototype: boolean;
  readonly encode: Encoder;
  readonly decode: Decoder;
}

const cache = new WeakMap<CompiledShape, Codec<object>>();

/** The codec of a model's or a nested class's attributes, built on first use and cached. */
export function codecOf<M extends object>(shape: CompiledShape<M>): Codec<M> {
  let codec = cache.get(shape);
  if (!codec) {
    codec = buildCodec(shape);
    cache.set(shape, codec);
  }
  return codec as Codec<M>;
}

/** Converts checked record values to a DynamoDB item; missing and null optional values are not stored. */
export function toItem(schema: CompiledShape, values: Readonly<Record<string, unknown>>): Item {
  return codecOf(schema).encode(values);
}

/**
 * Converts a stored item to an instance of the model, without calling its constructor.
 * @throws StoredValueError when a value cannot be read exactly as its attribute's type.
 */
export function fromItem<M extends object>(schema: CompiledSchema<M>, item: Readonly<Item>): M {
  try {
    return codecOf(schema).decode(item);
  } catch (error) {
    throw storedValueError(schema, item, error);
  }
}

/** Converts a checked value of an attribute (a property's own value) to its AttributeValue. */
export function toAttributeValue(attribute: CompiledAttribute, value: unknown): AttributeValue {
  return encoderOf(attribute)(value);
}

/** Reads a stored value of an attribute. @throws UnreadableValue when it cannot be read exactly. */
export function fromAttributeValue(attribute: CompiledAttribute, value: AttributeValue): unknown {
  return decoderOf(attribute)(value);
}

const encoders = new WeakMap<CompiledAttribute, Encoder>();
const decoders = new WeakMap<CompiledAttribute, Decoder>();

/** The encoder of an attribute: its nested class's codec, then its converter, on top of its stored type's. */
export function encoderOf(attribute: CompiledAttribute): Encoder {
  let encoder = encoders.get(attribute);
  if (!encoder) {
    encoder = buildEncoder(attribute);
    encoders.set(attribute, encoder);
  }
  return encoder;
}

/** The decoder of an attribute, the encoder's mirror. */
export function decoderOf(attribute: CompiledAttribute): Decoder {
  let decoder = decoders.get(attribute);
  if (!decoder) {
    decoder = buildDecoder(attribute);
    decoders.set(attribute, decoder);
  }
  return decoder;
}

function buildEncoder(attribute: CompiledAttribute): Encoder {
  const { nested, converter } = attribute;
  let base: Encoder;
  if (nested) {
    // the class's codec is found on first use: a class may hold values of itself (a tree)
    let codec: Codec<object> | undefined;
    const encodeOne = (value: unknown): AttributeValue => ({
      M: (codec ??= codecOf(shapeOf(nested))).encode(value as Record<string, unknown>),
    });
    base = attribute.type === 'list' ? (value) => ({ L: (value as unknown[]).map(encodeOne) }) : encodeOne;
  } else {
    base = typeEncoder(attribute.type, attribute.storage);
  }
  if (!converter) return base;
  return (value) => base(converter.toStored(value));
}

function buildDecoder(attribute: CompiledAttribute): Decoder {
  const { nested, converter } = attribute;
  let base: Decoder;
  if (nested) {
    let codec: Codec<object> | undefined;
    const decodeOne = (value: AttributeValue, at?: number): unknown => {
      if (value.M === undefined)
        throw new UnreadableValue('it holds no map where a class is declared', at === undefined ? [] : [at], value);
      try {
        return (codec ??= codecOf(shapeOf(nested))).decode(value.M);
      } catch (error) {
        throw at === undefined || !(error instanceof UnreadableValue) ? error : within(error, at);
      }
    };
    base =
      attribute.type === 'list'
        ? (value) => {
            if (value.L === undefined) throw new UnreadableValue('it holds no list where a list is declared');
            return value.L.map((element, at) => decodeOne(element, at));
          }
        : (value) => decodeOne(value);
  } else {
    base = typeDecoder(attribute.type, attribute.storage);
  }
  if (!converter) return base;
  return (value) => {
    const stored = base(value);
    try {
      return converter.fromStored(stored as never);
    } catch (error) {
      const name = error instanceof Error ? error.name : 'error';
      throw new UnreadableValue(`its converter's fromStored threw a ${name}`);
    }
  };
}

/** The same failure, one level further out: `[2]` then `lines`. */
function within(error: UnreadableValue, segment: string | number): UnreadableValue {
  return new UnreadableValue(error.reason, [segment, ...error.path], error.stored);
}

function buildCodec<M extends object>(shape: CompiledShape<M>): Codec<M> {
  // a model shared with other entities tags every item it writes with its own
  const entity = 'entity' in shape ? (shape as CompiledSchema<M>).entity : undefined;
  const codecs: readonly AttributeCodec[] = shape.attributes.map((attribute) => ({
    name: attribute.name,
    storedName: attribute.storedName,
    nameOnPrototype: attribute.onPrototype,
    storedOnPrototype: attribute.storedName in Object.prototype,
    encode: encoderOf(attribute),
    decode: decoderOf(attribute),
  }));
  const encode = (values: Readonly<Record<string, unknown>>): Item => {
    const item: Item = {};
    for (const codec of codecs) {
      const value = codec.nameOnPrototype ? own(values, codec.name) : values[codec.name];
      if (value !== undefined && value !== null) item[codec.storedName] = codec.encode(value);
    }
    if (entity) item[entity.storedName] = { S: entity.name };
    return item;
  };
  const fill = (record: Record<string, unknown>, item: Readonly<Item>): void => {
    for (const codec of codecs) {
      const stored = codec.storedOnPrototype ? own(item, codec.storedName) : item[codec.storedName];
      if (stored === undefined) continue;
      try {
        record[codec.name] = codec.decode(stored);
      } catch (error) {
        if (!(error instanceof UnreadableValue)) throw error;
        throw new UnreadableValue(error.reason, [codec.name, ...error.path], error.stored ?? stored);
      }
    }
  };
  // A constructor sharing the class's prototype: instances of the class, built without calling its
  // constructor, whose properties V8 keeps in the object itself (it reserves room for what a
  // constructor assigns, unlike properties added to an Object.create() result).
  function Decoded(this: Record<string, unknown>, item: Readonly<Item>): void {
    fill(this, item);
  }
  Decoded.prototype = shape.model.prototype as object;
  const Constructor = Decoded as unknown as new (item: Readonly<Item>) => M;
  return Object.freeze({ encode, decode: (item: Readonly<Item>) => new Constructor(item) });
}

function own<T>(values: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(values, name) ? values[name] : undefined;
}

/** The StoredValueError for a failed read of `item`, naming the attribute's path and the item's stored key. */
function storedValueError(schema: CompiledSchema, item: Readonly<Item>, error: unknown): unknown {
  if (!(error instanceof UnreadableValue)) return error;
  const key: Item = {};
  for (const { storedName } of schema.keyAttributes) {
    const value = own(item, storedName);
    if (value !== undefined) key[storedName] = value;
  }
  const attribute = error.path
    .map((segment, at) => (typeof segment === 'number' ? `[${segment}]` : at === 0 ? segment : `.${segment}`))
    .join('');
  // fill sets `stored` at every level, so a failure that reached here carries it
  return new StoredValueError(schema.modelName, attribute, key, error.stored!, error.reason);
}
