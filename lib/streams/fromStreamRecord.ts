import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import { fromItem, type Item } from '../marshalling/codec';
import { foreignItemError } from '../validation/checkEntity';
import { fromKey } from '../marshalling/fromKey';
import { UnreadableValue } from '../marshalling/UnreadableValue';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { describeType, isPlainObject } from '../validation/checks';
import { ownValue, readInput } from '../validation/readInput';
import { validateKey } from '../validation/validateKey';
import { readObject, readStreamItem } from './readStreamItem';

/**
 * A DynamoDB Streams record, as a Lambda handler receives it (one of `event.Records`, aws-lambda's
 * `DynamoDBRecord`: binaries as base64 strings) or as `@aws-sdk/client-dynamodb-streams` GetRecords
 * returns it (binaries as Uint8Array). Only these members are read; the others may be there.
 */
export interface StreamRecordInput {
  readonly eventName?: string;
  readonly dynamodb?: {
    readonly Keys?: Readonly<Record<string, unknown>>;
    readonly NewImage?: Readonly<Record<string, unknown>>;
    readonly OldImage?: Readonly<Record<string, unknown>>;
  };
}

/** What a stream record says happened to one record. */
export type StreamEventName = 'INSERT' | 'MODIFY' | 'REMOVE';

/**
 * A stream record read as the model: `keys` is the record's id as `getRecord` takes it
 * (`{ order_id: 'o1' }`); `newRecord` and `oldRecord` are model instances, present when the stream's
 * view type carries that image (NEW_IMAGE: newRecord; OLD_IMAGE: oldRecord; NEW_AND_OLD_IMAGES:
 * both; KEYS_ONLY: neither). An INSERT never has an oldRecord, a REMOVE never a newRecord.
 */
export type StreamChange<M> =
  | {
      readonly eventName: 'INSERT';
      readonly keys: Record<string, unknown>;
      readonly newRecord?: M;
      readonly oldRecord?: undefined;
    }
  | {
      readonly eventName: 'MODIFY';
      readonly keys: Record<string, unknown>;
      readonly newRecord?: M;
      readonly oldRecord?: M;
    }
  | {
      readonly eventName: 'REMOVE';
      readonly keys: Record<string, unknown>;
      readonly newRecord?: undefined;
      readonly oldRecord?: M;
    };

const EVENT_NAMES: readonly string[] = ['INSERT', 'MODIFY', 'REMOVE'] satisfies StreamEventName[];

/**
 * Reads a DynamoDB Streams record of the model's table as the model. Pure: nothing is sent.
 * @throws RecordValidationError naming every problem (`dynamodb.Keys.order_id`): not a stream
 *   record, an unknown eventName, a malformed attribute value, or keys that are not the model's
 *   (a record of another table).
 * @throws StoredValueError when an image holds a value the model cannot read exactly.
 * @throws EntityMismatchError when an image is another entity's item (a table shared by several models):
 *   a stream handler of a shared table tells the entities apart by catching it, or by the entity attribute.
 */
export function fromStreamRecord<M extends object>(schema: CompiledSchema<M>, record: unknown): StreamChange<M> {
  const issues: ValidationIssue[] = [];
  const read = readEnvelope(record, issues);
  // a shared table streams every entity's items: another entity's is never read as the model (nor its
  // keys, which its own templates made), and is named by its stored key
  for (const image of issues.length === 0 ? [read.newImage, read.oldImage] : []) {
    const foreign = image && read.keys && foreignItemError(schema, image, storedKey(read.keys));
    if (foreign) throw foreign;
  }
  const keys = read.keys && readKeys(schema, read.keys, issues);
  if (issues.length > 0 || !keys || !read.eventName) throw new RecordValidationError(schema.modelName, issues);
  return {
    eventName: read.eventName,
    keys,
    ...(read.oldImage && { oldRecord: fromItem(schema, read.oldImage) }),
    ...(read.newImage && { newRecord: fromItem(schema, read.newImage) }),
  } as StreamChange<M>;
}

interface Envelope {
  readonly eventName?: StreamEventName;
  readonly keys?: Item;
  readonly newImage?: Item;
  readonly oldImage?: Item;
}

/** The members of a stream record this reads, each checked; every problem added to `issues`. */
function readEnvelope(record: unknown, issues: ValidationIssue[]): Envelope {
  if (!isPlainObject(record)) {
    issues.push({
      attribute: '(record)',
      received: describeType(record),
      constraint: 'must be a DynamoDB Streams record',
    });
    return {};
  }
  const members = readInput(record, issues);
  if (Array.isArray(ownValue(members, 'Records'))) {
    const constraint = 'is a stream event, not a record: pass each of its Records';
    issues.push({ attribute: '(record)', received: 'event', constraint });
    return {};
  }
  const eventName = ownValue(members, 'eventName');
  if (!isEventName(eventName)) {
    const constraint = `must be ${EVENT_NAMES.join(', ')}`;
    issues.push({ attribute: 'eventName', received: describeType(eventName), constraint });
  }
  const dynamodb = ownValue(members, 'dynamodb');
  if (!isPlainObject(dynamodb)) {
    const constraint = 'must be the stream record: Keys, and images as the view type gives';
    issues.push({ attribute: 'dynamodb', received: describeType(dynamodb), constraint });
    return {};
  }
  const images = readImages(dynamodb, issues);
  if (eventName === 'INSERT' && images.oldImage) issues.push(impossibleImage('OldImage', 'an INSERT'));
  if (eventName === 'REMOVE' && images.newImage) issues.push(impossibleImage('NewImage', 'a REMOVE'));
  return { ...images, ...(isEventName(eventName) && { eventName }) };
}

function isEventName(value: unknown): value is StreamEventName {
  return typeof value === 'string' && EVENT_NAMES.includes(value);
}

/** `Keys` (required), `NewImage` and `OldImage` of a record's `dynamodb` member, read into items. */
function readImages(dynamodb: object, issues: ValidationIssue[]): Omit<Envelope, 'eventName'> {
  const members = readObject(dynamodb, 'dynamodb', issues);
  const read = (name: 'Keys' | 'NewImage' | 'OldImage'): Item | undefined => {
    const value = ownValue(members, name);
    return value === undefined ? undefined : readStreamItem(value, `dynamodb.${name}`, issues);
  };
  if (ownValue(members, 'Keys') === undefined) {
    issues.push({ attribute: 'dynamodb.Keys', received: 'undefined', constraint: 'required' });
  }
  return { keys: read('Keys'), newImage: read('NewImage'), oldImage: read('OldImage') };
}

function impossibleImage(image: 'NewImage' | 'OldImage', event: string): ValidationIssue {
  return { attribute: `dynamodb.${image}`, received: 'image', constraint: `cannot be in ${event} record` };
}

/**
 * The record's id from its stream `Keys`. Each key attribute is decoded on its own, so a value
 * of another type, or an attribute the model's key does not have, is named: the record is of
 * another table.
 */
function readKeys(schema: CompiledSchema, keys: Item, issues: ValidationIssue[]): Record<string, unknown> | undefined {
  const values: Record<string, unknown> = {};
  const before = issues.length;
  for (const [name, value] of Object.entries(keys)) {
    const attribute = `dynamodb.Keys.${name}`;
    const received = Object.keys(value).join(', ');
    const ofAnotherTable = `(a record of another table than ${schema.modelName}'s?)`;
    try {
      const decoded = fromKey(schema, { [name]: value });
      // a key whose template has no parts ('PROFILE') decodes to nothing, and is still the model's
      if (!schema.keyAttributes.some((key) => key.storedName === name)) {
        issues.push({
          attribute,
          received,
          constraint: `is not a key attribute of ${schema.modelName} ${ofAnotherTable}`,
        });
      }
      Object.assign(values, decoded);
    } catch (error) {
      if (!(error instanceof UnreadableValue)) throw error;
      issues.push({ attribute, received, constraint: `cannot be read as the key: ${error.reason} ${ofAnotherTable}` });
    }
  }
  if (issues.length > before) return undefined;
  try {
    return validateKey(schema, values);
  } catch (error) {
    if (!(error instanceof RecordValidationError)) throw error;
    issues.push(...error.issues.map((issue) => ({ ...issue, attribute: `dynamodb.Keys.${issue.attribute}` })));
    return undefined;
  }
}

/** A stored key's values by stored name (strings and numbers as text), to name an item no model here can read. */
function storedKey(keys: Item): Record<string, unknown> {
  return Object.fromEntries(Object.entries(keys).map(([name, value]) => [name, value.S ?? value.N ?? value.B]));
}
