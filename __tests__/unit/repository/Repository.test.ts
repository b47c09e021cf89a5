import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  Attribute,
  enumsOf,
  PartitionKey,
  RecordExistsError,
  RecordNotFoundError,
  RecordValidationError,
  Repository,
  SchemaError,
  Table,
  type RepositoryOptions,
} from '../../../lib';
import { EdgeData, EventData, PhoneData, ProvisionedData } from '../../fixtures/models';
import { captureError, captureSyncError } from '../captureError';

// Nothing here sends a request: the client points at a closed port so a stray send would fail, not hang on AWS.
const client = new DynamoDBClient({
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
});

class PhoneRepository extends Repository<PhoneData> {
  constructor(options?: RepositoryOptions) {
    super(PhoneData, options);
  }
}

@Table({ name: 'broken-table' })
class KeylessModel {
  @Attribute() name!: string;
}

class UndecoratedModel {
  @PartitionKey() id!: string;
}

describe('Repository constructor', () => {
  it.each<[string, () => unknown, typeof SchemaError, string, string | undefined, RegExp]>([
    [
      'a model without a partition key',
      () => new Repository(KeylessModel, { client }),
      SchemaError,
      'KeylessModel',
      undefined,
      /no partition key/,
    ],
    [
      'a model without @Table',
      () => new Repository(UndecoratedModel, { client }),
      SchemaError,
      'UndecoratedModel',
      undefined,
      /no @Table/,
    ],
  ])('throws for %s', (_case, construct, ErrorClass, modelName, property, reason) => {
    const error = captureSyncError(construct);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ modelName, property });
    expect((error as SchemaError).reason).toMatch(reason);
  });

  it.each<[string, () => unknown, string, RegExp]>([
    ['a tableName option too short', () => new PhoneRepository({ client, tableName: 'ab' }), 'tableName', /3 to 255/],
    [
      'a tableName option with a slash',
      () => new PhoneRepository({ client, tableName: 'phones/prod' }),
      'tableName',
      /3 to 255/,
    ],
    ['an empty tableName option', () => new Repository(PhoneData, { client, tableName: '' }), 'tableName', /3 to 255/],
    [
      'an unknown option',
      // `logger` was the unknown option here until the repository took one
      () => new Repository(PhoneData, { client, region: 'eu-west-1' } as never),
      'region',
      /^is not an option of Repository$/,
    ],
    [
      'a misspelt option',
      () => new Repository(PhoneData, { client, tablename: 'x' } as never),
      'tablename',
      /did you mean tableName\?/,
    ],
    [
      'a client that is not one',
      () => new Repository(PhoneData, { client: {} as never }),
      'client',
      /a DynamoDBClient/,
    ],
    [
      'a wait timeout of zero',
      () => new Repository(PhoneData, { client, waitTimeoutMs: 0 }),
      'waitTimeoutMs',
      /whole number ≥ 1/,
    ],
  ])('refuses %s with a RecordValidationError naming the option', (_case, construct, attribute, constraint) => {
    const error = captureSyncError(construct);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect(error).toMatchObject({ modelName: 'PhoneData' });
    expect((error as RecordValidationError).issues).toEqual([
      expect.objectContaining({ attribute, constraint: expect.stringMatching(constraint) }),
    ]);
  });

  it('takes the table name from @Table', () => {
    const repo = new Repository(PhoneData, { client });
    expect(repo.tableName).toBe('phonebook-table');
    expect(repo.tableDefinition().TableName).toBe('phonebook-table');
    expect(repo.client).toBe(client);
  });

  it('lets the tableName option override @Table, in the table definition too', () => {
    const repo = new Repository(EventData, { client, tableName: 'events-staging' });
    expect(repo.tableName).toBe('events-staging');
    expect(repo.tableDefinition()).toEqual({
      TableName: 'events-staging',
      AttributeDefinitions: [
        { AttributeName: 'device_id', AttributeType: 'S' },
        { AttributeName: 'at', AttributeType: 'N' },
      ],
      KeySchema: [
        { AttributeName: 'device_id', KeyType: 'HASH' },
        { AttributeName: 'at', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('defines a provisioned table from @Table', () => {
    expect(new Repository(ProvisionedData, { client }).tableDefinition()).toMatchObject({
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 3 },
    });
  });

  it('exposes the enums of the model', () => {
    const repo = new PhoneRepository({ client });
    expect(repo.enums).toBe(enumsOf(PhoneData));
    expect(repo.enums.Relationship.FRIEND).toBe('FRIEND');
    const friend: 'FRIEND' = repo.enums.Relationship.FRIEND; // literal type, checked by tsc
    expect(friend).toBe('FRIEND');
  });

  it('works the same through a subclass', () => {
    const repo = new PhoneRepository({ client, tableName: 'phones-test' });
    expect(repo).toBeInstanceOf(Repository);
    expect(repo.tableName).toBe('phones-test');
    expect(repo.tableDefinition().KeySchema).toEqual([{ AttributeName: 'person_id', KeyType: 'HASH' }]);
  });

  it('makes a client of its own when none is given, without sending anything', () => {
    expect(new Repository(PhoneData).client).toBeInstanceOf(DynamoDBClient);
  });
});

describe('Repository writes: the request it sends (captured before any network)', () => {
  const edge = { id: 'e1', name: 'n', status: 's', 'first-name': 'f', 'a.b': 'ab', 'x y': 'xy' };

  /** A repository whose client records each command and fails it with `failure`, which the repository must pass through or translate. */
  function capturing(failure: Error) {
    const captureClient = new DynamoDBClient({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    const sent: { name: string; input: Record<string, unknown> }[] = [];
    jest
      .spyOn(captureClient, 'send')
      // spyOn types send by its callback overload (returning void); the promise form is the one the library calls
      // eslint-disable-next-line @typescript-eslint/no-misused-promises
      .mockImplementation((command: { constructor: { name: string }; input: object }) => {
        sent.push({ name: command.constructor.name, input: command.input as Record<string, unknown> });
        return Promise.reject(failure);
      });
    return { repo: new Repository(EdgeData, { client: captureClient }), sent };
  }

  it('sends an update that returns ALL_NEW, and passes an engine error through as the same object', async () => {
    const failure = Object.assign(new Error('throttled'), { name: 'ThrottlingException' });
    const { repo, sent } = capturing(failure);
    await expect(repo.updateRecord('e1', { status: 'DONE' })).rejects.toBe(failure);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.name).toBe('UpdateItemCommand');
    expect(sent[0]?.input).toMatchObject({
      TableName: 'edge-table',
      Key: { id: { S: 'e1' } },
      ReturnValues: 'ALL_NEW',
    });
  });

  it('sends a delete that returns ALL_OLD', async () => {
    const failure = new Error('network down');
    const { repo, sent } = capturing(failure);
    await expect(repo.deleteRecord('e1')).rejects.toBe(failure);
    expect(sent[0]?.name).toBe('DeleteItemCommand');
    expect(sent[0]?.input).toMatchObject({ ConditionExpression: 'attribute_exists(#n0)', ReturnValues: 'ALL_OLD' });
  });

  it('sends a conditional put for a create', async () => {
    const failure = new Error('network down');
    const { repo, sent } = capturing(failure);
    await expect(repo.createRecord(edge)).rejects.toBe(failure);
    expect(sent[0]?.name).toBe('PutItemCommand');
    expect(sent[0]?.input).toMatchObject({ TableName: 'edge-table', ConditionExpression: 'attribute_not_exists(#n0)' });
    expect(sent[0]?.input.ExpressionAttributeNames).toEqual({ '#n0': 'id' });
  });

  it.each([
    ['create', (repo: Repository<EdgeData>) => repo.createRecord(edge), RecordExistsError],
    ['update', (repo: Repository<EdgeData>) => repo.updateRecord('e1', { status: 'DONE' }), RecordNotFoundError],
    ['delete', (repo: Repository<EdgeData>) => repo.deleteRecord('e1'), RecordNotFoundError],
  ] as const)(
    'names a failed existence condition on %s as %p, with the SDK error as cause',
    async (_operation, write, ErrorClass) => {
      const failure = new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
      const { repo, sent } = capturing(failure);
      const error = await captureError(() => write(repo));
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({ modelName: 'EdgeData', key: { id: 'e1' }, cause: failure });
      expect(sent).toHaveLength(1); // a plain existence check needs no second read
    },
  );

  it.each<[string, (repo: Repository<EdgeData>) => Promise<unknown>, string]>([
    ['a bad record', (repo) => repo.createRecord({ ...edge, status: 5 } as never), 'status'],
    ['a bad id', (repo) => repo.getRecord(5), 'id'],
    ['empty changes', (repo) => repo.updateRecord('e1', {}), '(changes)'],
    ['a key in the changes', (repo) => repo.updateRecord('e1', { id: 'e2' }), 'id'],
    ['a bad id on delete', (repo) => repo.deleteRecord({ id: 'e1', extra: 1 }), 'extra'],
  ])('rejects %s with RecordValidationError before sending anything', async (_case, call, attribute) => {
    const { repo, sent } = capturing(new Error('must not be sent'));
    const error = await captureError(() => call(repo));
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).issues.map((issue) => issue.attribute)).toContain(attribute);
    expect(sent).toHaveLength(0);
  });
});
