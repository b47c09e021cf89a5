import 'reflect-metadata';
import { GetItemCommand, PutItemCommand, type DynamoDBClient, type StreamViewType } from '@aws-sdk/client-dynamodb';
import type { _Record as StreamsRecord } from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { RecordValidationError, Repository, StoredValueError, type StreamChange } from '../../lib';
import { EventData } from '../fixtures/models';
import { NumberedShipmentData, ShipmentData, shipment, streamedShipment } from '../fixtures/streamModels';
import { engines, uniqueTableName } from '../helpers/engines';
import { readStream, toLambdaRecord } from '../helpers/streams';

jest.setTimeout(120_000);

const VIEW_TYPES: readonly StreamViewType[] = ['NEW_AND_OLD_IMAGES', 'NEW_IMAGE', 'OLD_IMAGE', 'KEYS_ONLY'];

/** What a create, a second create, an update of the first and a delete of the second returned. */
interface Written {
  readonly first: ShipmentData;
  readonly second: ShipmentData;
  readonly updated: ShipmentData;
  readonly deleted: ShipmentData;
}

async function writeSequence(repo: Repository<ShipmentData>, id: string): Promise<Written> {
  const first = await repo.createRecord(shipment(id, 1));
  const second = await repo.createRecord(
    shipment(id, 2, {
      scans: new Set([new Uint8Array([1]), new Uint8Array([2, 3])]),
      details: { gate: 'B7', photo: new Uint8Array([9, 8, 7]), counts: [1, 2n ** 60n, 'x'] },
    }),
  );
  const updated = await repo.updateRecord(
    { shipment_id: id, parcel: first.parcel },
    { note: 'left at the door', tags: new Set(['fragile', 'signed']) },
  );
  const deleted = await repo.deleteRecord({ shipment_id: id, parcel: second.parcel });
  return { first, second, updated, deleted };
}

/** The changes a stream of `viewType` must give for `writeSequence`: images only where the view type carries them. */
function expectedChanges(viewType: StreamViewType, written: Written): StreamChange<ShipmentData>[] {
  const newImages = viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
  const oldImages = viewType === 'OLD_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
  const keys = (record: ShipmentData) => ({ shipment_id: record.shipment_id, parcel: record.parcel });
  return [
    { eventName: 'INSERT', keys: keys(written.first), ...(newImages && { newRecord: written.first }) },
    { eventName: 'INSERT', keys: keys(written.second), ...(newImages && { newRecord: written.second }) },
    {
      eventName: 'MODIFY',
      keys: keys(written.first),
      ...(oldImages && { oldRecord: written.first }),
      ...(newImages && { newRecord: written.updated }),
    },
    { eventName: 'REMOVE', keys: keys(written.second), ...(oldImages && { oldRecord: written.deleted }) },
  ];
}

function ofShipment(records: readonly StreamsRecord[], id: string): StreamsRecord[] {
  return records.filter((record) => record.dynamodb?.Keys?.['shipment_id']?.S === id);
}

describe.each(engines)('stream records as models on $name', (engine) => {
  if (engine.name === 'dynalite') {
    // dynalite has no DynamoDB Streams: it takes a StreamSpecification and ignores it, and does not
    // know DescribeStream. fromStreamRecord sends nothing, so it works the same on items dynalite made.
    let repo: Repository<ShipmentData>;
    beforeAll(async () => {
      repo = new Repository(ShipmentData, { client: engine.client(), tableName: uniqueTableName('streams') });
      await repo.createTable();
    });

    it('reads records built from items dynalite stored, in the GetRecords shape and the Lambda shape', async () => {
      const created = await repo.createRecord(
        shipment('d1', 1, { scans: new Set([new Uint8Array([4])]), details: { photo: new Uint8Array([5]) } }),
      );
      const key = { shipment_id: { S: 'd1' }, parcel: { B: created.parcel } };
      const { Item: item } = await engine
        .client()
        .send(new GetItemCommand({ TableName: repo.tableName, Key: key, ConsistentRead: true }));
      const record = { eventName: 'INSERT', dynamodb: { Keys: key, NewImage: item } };
      const expected = { eventName: 'INSERT', keys: { shipment_id: 'd1', parcel: created.parcel }, newRecord: created };
      expect(repo.fromStreamRecord(record)).toStrictEqual(expected);
      expect(repo.fromStreamRecord(toLambdaRecord(record))).toStrictEqual(expected);
      expect(repo.fromStreamRecord(record).newRecord).toBeInstanceOf(ShipmentData);
    });

    it('has no stream to read: the table description names none', async () => {
      const { Table: table } = await engine.client().send(new DescribeTableCommand({ TableName: repo.tableName }));
      expect(table?.LatestStreamArn).toBeUndefined();
    });
    return;
  }

  const client = (): DynamoDBClient => engine.client();
  const repos = new Map<StreamViewType, Repository<ShipmentData>>();
  const written = new Map<StreamViewType, Written>();
  const records = new Map<StreamViewType, StreamsRecord[]>();

  beforeAll(async () => {
    await Promise.all(
      VIEW_TYPES.map(async (viewType) => {
        const model = streamedShipment(viewType);
        const repo = new Repository(model, { client: client(), tableName: uniqueTableName('stream') });
        await repo.createTable();
        repos.set(viewType, repo);
        written.set(viewType, await writeSequence(repo, 's1'));
        records.set(viewType, await readStream(client(), engine.endpoint, repo.tableName));
      }),
    );
  });

  it.each(VIEW_TYPES)('%s: creates, an update and a delete read back as model instances', (viewType) => {
    const repo = repos.get(viewType)!;
    const changes = ofShipment(records.get(viewType)!, 's1').map((record) => repo.fromStreamRecord(record));
    expect(changes).toStrictEqual(expectedChanges(viewType, written.get(viewType)!));
    for (const change of changes) {
      for (const image of [change.newRecord, change.oldRecord]) {
        if (image) expect(image).toBeInstanceOf(ShipmentData);
      }
    }
  });

  it.each(VIEW_TYPES)('%s: the same records in the Lambda event shape (binaries base64) read the same', (viewType) => {
    const repo = repos.get(viewType)!;
    const sdkRecords = ofShipment(records.get(viewType)!, 's1');
    const lambdaRecords = sdkRecords.map(toLambdaRecord);
    // the shapes differ where it matters: a binary key is a Uint8Array in one, a base64 string in the other
    expect(lambdaRecords[0]?.dynamodb?.Keys?.['parcel']?.B).toBe(Buffer.from([1, 0, 255]).toString('base64'));
    expect(sdkRecords[0]?.dynamodb?.Keys?.['parcel']?.B).toBeInstanceOf(Uint8Array);
    expect(lambdaRecords.map((record) => repo.fromStreamRecord(record))).toStrictEqual(
      sdkRecords.map((record) => repo.fromStreamRecord(record)),
    );
  });

  it('keys are the id getRecord takes', async () => {
    const repo = repos.get('NEW_AND_OLD_IMAGES')!;
    const [insert] = ofShipment(records.get('NEW_AND_OLD_IMAGES')!, 's1').map((record) =>
      repo.fromStreamRecord(record),
    );
    expect(await repo.getRecord(insert!.keys)).toStrictEqual(written.get('NEW_AND_OLD_IMAGES')!.updated);
  });

  it('a record of another table is refused, naming the keys that do not fit', () => {
    const [record] = ofShipment(records.get('KEYS_ONLY')!, 's1');
    const events = new Repository(EventData, { client: client(), tableName: 'events' });
    const otherNames = captureIssues(() => events.fromStreamRecord(record!));
    // in the record's order of keys, which is the engine's
    expect(otherNames.map((issue) => issue.attribute).sort()).toEqual([
      'dynamodb.Keys.parcel',
      'dynamodb.Keys.shipment_id',
    ]);
    for (const issue of otherNames) expect(issue.constraint).toMatch(/not a key attribute of EventData/);

    const numbered = new Repository(NumberedShipmentData, { client: client(), tableName: 'numbered' });
    const otherTypes = captureIssues(() => numbered.fromStreamRecord(toLambdaRecord(record!)));
    const byName = new Map(otherTypes.map((issue) => [issue.attribute, issue]));
    expect([...byName.keys()].sort()).toEqual(['dynamodb.Keys.parcel', 'dynamodb.Keys.shipment_id']);
    expect(byName.get('dynamodb.Keys.shipment_id')).toMatchObject({ received: 'S' });
    expect(byName.get('dynamodb.Keys.shipment_id')?.constraint).toMatch(
      /holds S where a number \(N\) is declared.*another table/,
    );
    expect(byName.get('dynamodb.Keys.parcel')).toMatchObject({ received: 'B' });
  });

  it('an image the model cannot read is a StoredValueError naming the attribute', async () => {
    const repo = repos.get('NEW_AND_OLD_IMAGES')!;
    const item = {
      shipment_id: { S: 'bad' },
      parcel: { B: new Uint8Array([7]) },
      shipped_at: { S: '2026-11-24T10:00:00Z' },
      weight_mg: { N: '1.5' }, // written by other code: a fraction where the model declares a bigint
      label: { B: new Uint8Array([1]) },
      tags: { SS: ['x'] },
    };
    await client().send(new PutItemCommand({ TableName: repo.tableName, Item: item }));
    const [record] = ofShipment(await readStream(client(), engine.endpoint, repo.tableName), 'bad');
    for (const shape of [record!, toLambdaRecord(record!)]) {
      const error = captureSync(() => repo.fromStreamRecord(shape));
      expect(error).toBeInstanceOf(StoredValueError);
      expect(error).toMatchObject({ modelName: 'StreamedShipmentData', attribute: 'weight_mg' });
    }
  });
});

function captureSync(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

function captureIssues(run: () => unknown): RecordValidationError['issues'] {
  const error = captureSync(run);
  expect(error).toBeInstanceOf(RecordValidationError);
  return (error as RecordValidationError).issues;
}
