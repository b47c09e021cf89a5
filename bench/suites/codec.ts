import '../quiet';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { runSuite, progress } from '../child';
import { rounds, sizes } from '../config';
import { loadInternals } from '../internals';
import { PhoneData, phoneRecord, type PhoneRecord } from '../models';
import type { CodecResult } from '../results';
import { collectGarbage, startTiming, type Timing } from '../stats';

// CPU only: encode N phonebook records, then decode N items, per contender, rounds interleaved.
// Reported in CPU time of this process (wall-clock time kept too).

type Item = Record<string, AttributeValue>;

const RING = 1024;

interface Codec {
  readonly name: string;
  encode(record: PhoneRecord): Item | Promise<Item>;
  decode(item: Item): unknown;
}

/** The floor: an encoder and decoder written by hand for exactly this shape. */
const handWritten: Codec = {
  name: 'handWritten',
  encode: (record) => ({
    person_id: { N: String(record.person_id) },
    name: { S: record.name },
    phone_number: { S: record.phone_number },
    relationship: { S: record.relationship },
    timestamp: { S: record.timestamp },
  }),
  decode: (item) => ({
    person_id: Number(item['person_id']!.N),
    name: item['name']!.S,
    phone_number: item['phone_number']!.S,
    relationship: item['relationship']!.S,
    timestamp: item['timestamp']!.S,
  }),
};

const utilDynamodb: Codec = {
  name: 'utilDynamodb',
  encode: (record) => marshall(record),
  decode: (item) => unmarshall(item),
};

async function main(args: Record<string, string>): Promise<CodecResult> {
  const internals = loadInternals();
  const schema = internals.compileSchema(PhoneData);
  const at = new Date();
  const all: Codec[] = [
    utilDynamodb,
    // the marshalling the write path calls (prepareCreate: toItem; every read: fromItem)
    {
      name: 'ours',
      encode: (record) => internals.toItem(schema, record as unknown as Record<string, unknown>),
      decode: (item) => internals.fromItem(schema, item),
    },
    // createRecord's whole preparation of an item (prepareCreate): validateRecord, creationValues, toItem, the size check
    {
      name: 'oursWithValidation',
      encode: async (record) => {
        const item = internals.toItem(
          schema,
          internals.creationValues(schema, await internals.validateRecord(schema, record), at),
        );
        if (internals.itemSizeIssue(item)) throw new Error('item too large');
        return item;
      },
      decode: (item) => internals.fromItem(schema, item),
    },
    handWritten,
  ];
  // --only <name> keeps one contender, e.g. to profile it
  const codecs = all.filter((codec) => args['only'] === undefined || codec.name === args['only']);
  const records = Array.from({ length: sizes.codecRecords }, (_, index) => phoneRecord(index + 1));
  // every encoder makes the same item, so one set of items (made once, untimed) feeds every decoder
  const items = records.map((record) => marshall(record));
  const result: Omit<CodecResult, 'records' | 'rounds'> = {
    encodeMs: {},
    decodeMs: {},
    encodeWallMs: {},
    decodeWallMs: {},
    validateMs: [],
    validateWallMs: [],
  };
  // outputs go to a small ring: they escape (no allocation can be optimised away) and die young, as a request's item does
  const ring = new Array<unknown>(RING);
  let sink = 0;

  const runCodec = async (codec: Codec, count: number): Promise<[Timing, Timing]> => {
    collectGarbage();
    let stop = startTiming();
    for (let index = 0; index < count; index += 1) {
      const encoded = codec.encode(records[index]!);
      ring[index & (RING - 1)] = encoded instanceof Promise ? await encoded : encoded;
    }
    const encode = stop();
    collectGarbage();
    stop = startTiming();
    for (let index = 0; index < count; index += 1) ring[index & (RING - 1)] = codec.decode(items[index]!);
    const decode = stop();
    if (ring[(count - 1) & (RING - 1)] !== undefined) sink += 1;
    return [encode, decode];
  };
  const runValidation = async (count: number): Promise<Timing> => {
    collectGarbage();
    const stop = startTiming();
    for (let index = 0; index < count; index += 1)
      ring[index & (RING - 1)] = await internals.validateRecord(schema, records[index]!);
    sink += 1;
    return stop();
  };

  // warm-up (not recorded): every path compiled before the first timed round
  for (const codec of codecs) await runCodec(codec, Math.min(records.length, 10_000));
  await runValidation(Math.min(records.length, 10_000));

  for (let round = 0; round < rounds.codec; round += 1) {
    for (const codec of codecs) {
      const [encode, decode] = await runCodec(codec, records.length);
      (result.encodeMs[codec.name] ??= []).push(encode.cpu);
      (result.decodeMs[codec.name] ??= []).push(decode.cpu);
      (result.encodeWallMs[codec.name] ??= []).push(encode.wall);
      (result.decodeWallMs[codec.name] ??= []).push(decode.wall);
    }
    if (args['only'] === undefined) {
      const validation = await runValidation(records.length);
      result.validateMs.push(validation.cpu);
      result.validateWallMs.push(validation.wall);
    }
    const total = (name: string) => (result.encodeMs[name]!.at(-1)! + result.decodeMs[name]!.at(-1)!).toFixed(0);
    progress(
      `codec round ${round + 1}/${rounds.codec} (CPU ms): ${codecs.map((codec) => `${codec.name} ${total(codec.name)}`).join(', ')}`,
    );
  }
  if (sink === 0) throw new Error('nothing decoded');
  return { records: records.length, rounds: rounds.codec, ...result };
}

runSuite(main);
