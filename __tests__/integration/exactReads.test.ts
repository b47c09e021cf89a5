import { PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  Attribute,
  GlobalIndex,
  PartitionKey,
  Repository,
  StoredValueError,
  TransactionCanceledError,
  transaction,
  UnsupportedCapabilityError,
  Version,
  where,
  Table,
} from '../../lib';
import { engines, uniqueTableName } from '../helpers/engines';

// Items written by other programs (the Python side of the seed stores Decimals) hold numbers a
// JavaScript number cannot hold exactly, or values of another type than declared. Every read path
// gives them back exactly or fails with StoredValueError: never a silently rounded value.

@Table({ name: 'ledger' })
class LedgerEntry {
  @PartitionKey() entry_id!: number;
  @GlobalIndex('byAccount') @Attribute() account!: string;
  @Attribute() amount!: number;
  @Attribute({ optional: true }) note?: string;
  @Version() version!: number;
}

/** The same items read through bigint attributes: whole numbers of any size come back exactly. */
@Table({ name: 'ledger' })
class WideLedgerEntry {
  @PartitionKey({ type: 'bigint' }) entry_id!: bigint;
  @Attribute() account!: string;
  @Attribute({ type: 'bigint' }) amount!: bigint;
  @Attribute({ optional: true }) note?: string;
  @Version() version!: number;
}

const UNSAFE = '9007199254740993'; // 2^53 + 1: Number() rounds it to ...992

describe.each(engines)('exact reads on $name', (engine) => {
  let ledger: Repository<LedgerEntry>;
  let wide: Repository<WideLedgerEntry>;

  /** Stores an item as another program would, past the library's checks. */
  async function putRaw(item: Record<string, AttributeValue>): Promise<void> {
    await engine.client().send(new PutItemCommand({ TableName: ledger.tableName, Item: item }));
  }

  const item = (id: string, amount: AttributeValue, account = 'acc-1'): Record<string, AttributeValue> => ({
    entry_id: { N: id },
    account: { S: account },
    amount,
    version: { N: '1' },
  });

  beforeAll(async () => {
    const tableName = uniqueTableName('exact_reads');
    ledger = new Repository(LedgerEntry, { client: engine.client(), tableName });
    wide = new Repository(WideLedgerEntry, { client: engine.client(), tableName });
    await ledger.createTable();
    await putRaw(item('1', { N: UNSAFE }));
    await putRaw(item('2', { N: '0.12345678901234567891' })); // 20 significant digits
    await putRaw(item('3', { S: '12.50' })); // a string where a number is declared
    await putRaw(item(UNSAFE, { N: '7' }, 'acc-2')); // the key itself is beyond 2^53
    await putRaw(item('5', { N: '1.50' }, 'acc-3')); // a Decimal('1.50'): exact as 1.5
  });

  /** The StoredValueError a read rejects with. */
  async function readError(read: () => Promise<unknown>): Promise<StoredValueError> {
    const error = await read().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StoredValueError);
    return error as StoredValueError;
  }

  it('getRecord: a number beyond 2^53 is a StoredValueError naming the model, the attribute and the key, never a rounded number', async () => {
    const error = await readError(() => ledger.getRecord(1));
    expect(error).toMatchObject({
      modelName: 'LedgerEntry',
      attribute: 'amount',
      key: { entry_id: { N: '1' } },
      stored: { N: UNSAFE },
    });
    expect(error.reason).toMatch(/cannot hold exactly \(declare the attribute bigint\)/);
    expect(error.message).toBe(`LedgerEntry: amount of the item with key entry_id cannot be read: ${error.reason}.`);
    expect(error.message).not.toContain(UNSAFE); // messages name, the fields hold the data
  });

  it('getRecord: more digits than a double keeps, and a value of another type, are StoredValueErrors', async () => {
    expect((await readError(() => ledger.getRecord(2))).stored).toEqual({ N: '0.12345678901234567891' });
    const wrongType = await readError(() => ledger.getRecord(3));
    expect(wrongType.reason).toBe('it holds S where a number (N) is declared');
  });

  it('reads what a number holds exactly, however it was spelt', async () => {
    expect((await ledger.getRecord(5)).amount).toBe(1.5);
  });

  it('query, scan (iterated and paged) and batchGet go through the same decoder', async () => {
    const collect = async (records: AsyncIterable<unknown>) => {
      for await (const record of records) void record;
    };
    await readError(() => collect(ledger.query({ account: 'acc-1' }, { index: 'byAccount' })));
    await readError(() => collect(ledger.scan()));
    await readError(() => ledger.scan().page({ limit: 10 }));
    await readError(() => ledger.batchGet([1, 5]));
    // the key itself: the item cannot be named by a number, so the error carries its stored key
    const keyError = await readError(() => collect(ledger.query({ account: 'acc-2' }, { index: 'byAccount' })));
    expect(keyError).toMatchObject({ attribute: 'entry_id', key: { entry_id: { N: UNSAFE } } });
  });

  it('a failed condition carrying an unreadable current item is a StoredValueError caused by the failure', async () => {
    const error = await readError(() =>
      ledger.updateRecord(1, { note: 'x' }, { condition: where('note').eq('never') }),
    );
    expect(error.attribute).toBe('amount');
    expect((error.cause as Error).name).toBe('ConditionalCheckFailedException');
  });

  it('a model declaring bigint reads the same items exactly, and finds the record again by the id it read', async () => {
    const unsafeKey = BigInt(UNSAFE);
    const { items } = await wide.scan({ filter: where('account').eq('acc-2') }).page();
    expect(items[0]).toMatchObject({ entry_id: unsafeKey, amount: 7n });
    expect((await wide.getRecord(unsafeKey)).entry_id).toBe(unsafeKey);
    expect((await wide.getRecord(1n)).amount).toBe(BigInt(UNSAFE));
    const fraction = await readError(() => wide.getRecord(2n));
    expect(fraction.reason).toMatch(/whole number/);
  });

  it('a cancelled transaction whose failing item cannot be read is a StoredValueError (dynalite: no transactions)', async () => {
    const error = await transaction(engine.client())
      .update(ledger, 1, { note: 'x' }, { condition: where('note').eq('never') })
      .commit()
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    if (engine.name === 'dynalite') {
      expect(error).toBeInstanceOf(UnsupportedCapabilityError);
      return;
    }
    expect(error).toBeInstanceOf(StoredValueError);
    expect((error as StoredValueError).cause).toBeInstanceOf(Error);
    expect((error as StoredValueError).cause).not.toBeInstanceOf(TransactionCanceledError);
  });
});
