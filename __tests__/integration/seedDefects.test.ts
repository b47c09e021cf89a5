import { DescribeTableCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { RecordValidationError, Repository } from '../../lib';
import { EdgeData, PhoneData } from '../fixtures/models';
import { engines, uniqueTableName } from '../helpers/engines';
import { faultyClient, recordingClient } from '../helpers/recordRequests';

// One test per defect of the Python seed that DESIGN.md says we must not copy, so a
// regression names the defect it brings back.

const edge = { id: 'e', name: 'n', status: 's', 'first-name': 'f', 'a.b': 'ab', 'x y': 'xy' };

describe.each(engines)('defects of the seed, not copied, on $name', (engine) => {
  it('categorical checks also run for multi-word attribute names (data_source)', async () => {
    const { client, sent } = recordingClient(engine.endpoint);
    const edges = new Repository(EdgeData, { client, tableName: uniqueTableName('multiword') });
    await expect(edges.createRecord({ ...edge, data_source: 'MEDIUM' })).rejects.toMatchObject({
      issues: [{ attribute: 'data_source', received: 'string', constraint: 'must be one of LOW, HIGH' }],
    });
    await expect(edges.updateRecord('e', { data_source: 'low' })).rejects.toThrow(RecordValidationError);
    expect(sent).toEqual([]);
    expect(edges.enums['DataSource']).toEqual({ LOW: 'LOW', HIGH: 'HIGH' });
    client.destroy();
  });

  it('placeholders are never built from attribute names: -, ., spaces and reserved words all work', async () => {
    const edges = new Repository(EdgeData, { client: engine.client(), tableName: uniqueTableName('names') });
    await edges.createTable();
    await edges.createRecord(edge);
    const updated = await edges.updateRecord('e', {
      'first-name': 'F',
      'a.b': 'AB',
      'x y': 'XY',
      status: 'S',
      name: 'N',
    });
    expect(updated).toMatchObject({ 'first-name': 'F', 'a.b': 'AB', 'x y': 'XY', status: 'S', name: 'N' });
    // `a.b` is one top-level attribute, not a path into a map `a`
    const { Item: raw } = await engine
      .client()
      .send(new GetItemCommand({ TableName: edges.tableName, Key: { id: { S: 'e' } } }));
    expect(raw?.['a.b']).toEqual({ S: 'AB' });
    expect(raw).not.toHaveProperty('a');
  });

  it('a describe that fails for any reason but "not found" is reported, never answered by creating a table', async () => {
    const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const { client, sent } = faultyClient(engine.endpoint, { DescribeTableCommand: throttled });
    const phones = new Repository(PhoneData, { client, tableName: uniqueTableName('describe') });
    await expect(phones.createTable()).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(sent).not.toContain('CreateTableCommand');
    await expect(engine.client().send(new DescribeTableCommand({ TableName: phones.tableName }))).rejects.toMatchObject(
      { name: 'ResourceNotFoundException' },
    );
    client.destroy();
  });

  it('createTable resolves only once the table is ACTIVE, and createGsi once the index is', async () => {
    const { client, sent } = recordingClient(engine.endpoint);
    const phones = new Repository(PhoneData, { client, tableName: uniqueTableName('active') });
    await phones.createTable();
    expect(sent.at(-1)).toBe('DescribeTableCommand'); // the wait, after the create
    const { Table: table } = await engine.client().send(new DescribeTableCommand({ TableName: phones.tableName }));
    expect(table?.TableStatus).toBe('ACTIVE');
    if (engine.name === 'dynamodb-local') {
      await phones.createGsi('relationship');
      const { Table: indexed } = await engine.client().send(new DescribeTableCommand({ TableName: phones.tableName }));
      expect(indexed?.GlobalSecondaryIndexes?.[0]?.IndexStatus).toBe('ACTIVE');
    }
    client.destroy();
  });

  it('createTable keeps waiting while the table is CREATING (as real DynamoDB reports it for a while)', async () => {
    // Local engines create tables at once, so the CREATING phase is injected into DescribeTable's answers.
    const { client, sent } = recordingClient(engine.endpoint);
    let creatingAnswers = 3;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        const output = result.output as { Table?: { TableStatus?: string } };
        if (context.commandName === 'DescribeTableCommand' && output.Table && creatingAnswers > 0) {
          creatingAnswers -= 1;
          output.Table.TableStatus = 'CREATING';
        }
        return result;
      },
      { step: 'initialize', name: 'reportCreating' },
    );
    const phones = new Repository(PhoneData, { client, tableName: uniqueTableName('creating') });
    await phones.createTable();
    expect(creatingAnswers).toBe(0);
    // one describe before the create (not found), three answering CREATING, one answering ACTIVE
    expect(sent.filter((name) => name === 'DescribeTableCommand')).toHaveLength(5);
    client.destroy();
  });

  it('numbers round-trip exactly, with no Decimal in between', async () => {
    const edges = new Repository(EdgeData, { client: engine.client(), tableName: uniqueTableName('numbers') });
    await edges.createTable();
    const values = { count: 0.1 + 0.2, big: 12345678901234567890123456789012345678n };
    await edges.createRecord({ ...edge, ...values });
    const read = await edges.getRecord('e');
    expect(read.count).toBe(0.30000000000000004);
    expect(typeof read.count).toBe('number');
    expect(read.big).toBe(12345678901234567890123456789012345678n);
  });
});
