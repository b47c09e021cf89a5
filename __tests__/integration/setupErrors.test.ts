import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  EndpointUnreachableError,
  MissingCredentialsError,
  MissingRegionError,
  OrmError,
  Repository,
  SetupError,
  TableNotFoundError,
  UnsupportedCapabilityError,
  transaction,
} from '../../lib';
import { freePort } from '../../lib/engines/freePort';
import { PhoneData } from '../fixtures/models';
import { engines, uniqueTableName } from '../helpers/engines';

// Set-up mistakes as a user makes them, against real engines: a table never created, an endpoint
// with nothing listening, a client with no region, a client whose credential chain finds nothing.
// The SDK and the engines decide every error here; nothing is injected.

const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const ada = { person_id: 1, name: 'Ada', phone_number: '555-0100', relationship: 'FRIEND', timestamp: 't' } as const;

/** Runs `body` with the environment variables of the SDK's region and credential chains pointing nowhere. */
async function withoutAwsConfiguration<T>(body: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('AWS_') && name !== 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED')
      delete process.env[name];
  }
  // no file of ~/.aws is read, and no instance metadata service is asked (it would wait for a timeout here)
  process.env['AWS_CONFIG_FILE'] = '/nonexistent/aws/config';
  process.env['AWS_SHARED_CREDENTIALS_FILE'] = '/nonexistent/aws/credentials';
  process.env['AWS_EC2_METADATA_DISABLED'] = 'true';
  try {
    return await body();
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

describe.each(engines)('set-up mistakes on $name', (engine) => {
  describe('a table that does not exist', () => {
    const missing = () => new Repository(PhoneData, { client: engine.client(), tableName: uniqueTableName('never') });

    it('every call is a TableNotFoundError naming the table, saying to call createTable(), the engine error as cause', async () => {
      const repo = missing();
      const calls: Record<string, () => Promise<unknown>> = {
        getRecord: () => repo.getRecord(1),
        createRecord: () => repo.createRecord(ada),
        updateRecord: () => repo.updateRecord(1, { name: 'Bea' }),
        deleteRecord: () => repo.deleteRecord(1),
        query: () => repo.query({ person_id: 1 }).page(),
        scan: () => repo.scan().page(),
        createGsi: () => repo.createGsi('relationship'),
      };
      for (const [call, run] of Object.entries(calls)) {
        const error = await run().then(
          () => new Error(`${call} resolved`),
          (caught: unknown) => caught,
        );
        expect({ call, error }).toEqual({ call, error: expect.any(TableNotFoundError) });
        const notFound = error as TableNotFoundError;
        expect(notFound).toBeInstanceOf(SetupError);
        expect(notFound).toBeInstanceOf(OrmError);
        expect(notFound.tableNames).toEqual([repo.tableName]);
        expect(notFound.region).toBe('us-east-1');
        expect(notFound.endpoint).toBe(engine.endpoint);
        expect(notFound.message).toBe(
          `Table ${repo.tableName} does not exist in region us-east-1 at ${engine.endpoint}: call createTable() on its ` +
            "repository first, or check the tableName option and the client's region and endpoint.",
        );
        expect(notFound.cause).toMatchObject({ name: 'ResourceNotFoundException' });
      }
    });

    it('batches carry the TableNotFoundError in `errors`, every id and record in `unprocessed`', async () => {
      const repo = missing();
      const read = await repo.batchGet([1, 2]);
      expect(read.unprocessed).toEqual([{ person_id: 1 }, { person_id: 2 }]);
      expect(read.errors).toEqual([expect.any(TableNotFoundError)]);
      const written = await repo.batchWrite({ put: [ada], delete: [2] });
      expect(written.unprocessed.delete).toEqual([{ person_id: 2 }]);
      expect(written.unprocessed.put).toHaveLength(1);
      expect(written.errors).toEqual([expect.any(TableNotFoundError)]);
      expect((written.errors[0] as TableNotFoundError).tableNames).toEqual([repo.tableName]);
    });

    it('createTable still takes "not found" as its cue to create the table', async () => {
      const repo = missing();
      await expect(repo.createTable()).resolves.toEqual({ created: true, addedIndexes: [], undeclaredIndexes: [] });
      await expect(repo.getRecord(1)).rejects.toMatchObject({ name: 'RecordNotFoundError' });
    });

    it('a transaction on a missing table names its tables (or, on dynalite, the missing capability)', async () => {
      const repo = missing();
      const other = new Repository(PhoneData, { client: engine.client(), tableName: uniqueTableName('never_other') });
      const error = await transaction(engine.client())
        .create(repo, ada)
        .create(other, ada)
        .commit()
        .catch((caught: unknown) => caught);
      if (engine.name === 'dynalite') {
        expect(error).toBeInstanceOf(UnsupportedCapabilityError);
        return;
      }
      expect(error).toBeInstanceOf(TableNotFoundError);
      expect((error as TableNotFoundError).tableNames).toEqual([repo.tableName, other.tableName]);
      expect((error as Error).message).toMatch(/^One of the tables .* does not exist .*call createTable\(\)/);
    });
  });

  it('an endpoint with nothing listening is an EndpointUnreachableError naming it, after the SDK retries', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const client = new DynamoDBClient({ region: 'us-east-1', endpoint, credentials: CREDENTIALS, maxAttempts: 2 });
    const repo = new Repository(PhoneData, { client, tableName: uniqueTableName('nowhere') });
    for (const run of [() => repo.getRecord(1), () => repo.createTable()]) {
      const error = await run().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(EndpointUnreachableError);
      expect(error).toMatchObject({ endpoint, code: 'ECONNREFUSED' });
      expect((error as Error).message).toBe(
        `Cannot reach DynamoDB at ${endpoint} (ECONNREFUSED): nothing accepts connections there: start the engine, ` +
          'or give the DynamoDBClient the endpoint of one that runs.',
      );
      expect(((error as Error).cause as { $metadata?: { attempts?: number } }).$metadata?.attempts).toBe(2);
    }
    // the same client reaches the engine once given its endpoint: the mistake was the endpoint alone
    const fixed = new DynamoDBClient({ region: 'us-east-1', endpoint: engine.endpoint, credentials: CREDENTIALS });
    await expect(
      new Repository(PhoneData, { client: fixed, tableName: repo.tableName }).createTable(),
    ).resolves.toBeDefined();
    client.destroy();
    fixed.destroy();
  });

  it('a client without a region is a MissingRegionError saying to set AWS_REGION or the region option', async () => {
    await withoutAwsConfiguration(async () => {
      const client = new DynamoDBClient({ endpoint: engine.endpoint, credentials: CREDENTIALS });
      const repo = new Repository(PhoneData, { client, tableName: uniqueTableName('no_region') });
      const error = await repo.createTable().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MissingRegionError);
      expect(error).toMatchObject({ setting: 'region', environmentVariables: ['AWS_REGION'] });
      expect((error as Error).message).toMatch(/set the AWS_REGION environment variable.*region option/);
      expect((error as Error).cause).toMatchObject({ message: 'Region is missing' });
      // with the variable set, the same configuration reaches the engine
      process.env['AWS_REGION'] = 'us-east-1';
      const withRegion = new DynamoDBClient({ endpoint: engine.endpoint, credentials: CREDENTIALS });
      await expect(withRegion.send(new DescribeTableCommand({ TableName: repo.tableName }))).rejects.toMatchObject({
        name: 'ResourceNotFoundException',
      });
      client.destroy();
      withRegion.destroy();
    });
  });

  it("a client whose credential chain finds nothing is a MissingCredentialsError naming the variables, the SDK's message kept", async () => {
    await withoutAwsConfiguration(async () => {
      // the SDK's own default chain (environment, profiles, SSO, process, web identity, container, instance metadata)
      const client = new DynamoDBClient({ region: 'us-east-1', endpoint: engine.endpoint });
      const repo = new Repository(PhoneData, { client, tableName: uniqueTableName('no_credentials') });
      const error = await repo.getRecord(1).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MissingCredentialsError);
      expect(error).toMatchObject({
        setting: 'credentials',
        environmentVariables: expect.arrayContaining(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_PROFILE']),
        detail: 'Could not load credentials from any providers',
      });
      expect((error as Error).message).toMatch(/set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.*AWS_PROFILE/);
      expect((error as Error).cause).toMatchObject({ name: 'CredentialsProviderError' });
      // with the variables set, the same configuration reaches the engine
      process.env['AWS_ACCESS_KEY_ID'] = 'local';
      process.env['AWS_SECRET_ACCESS_KEY'] = 'local';
      const withCredentials = new DynamoDBClient({ region: 'us-east-1', endpoint: engine.endpoint });
      const found = new Repository(PhoneData, { client: withCredentials, tableName: repo.tableName });
      await expect(found.getRecord(1)).rejects.toBeInstanceOf(TableNotFoundError);
      client.destroy();
      withCredentials.destroy();
    });
  });
});
