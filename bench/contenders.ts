import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import {
  DeleteItemCommand as ToolboxDelete,
  Entity as ToolboxEntity,
  GetItemCommand as ToolboxGet,
  item as toolboxItem,
  number as toolboxNumber,
  PutItemCommand as ToolboxPut,
  string as toolboxString,
  Table as ToolboxTable,
  UpdateItemCommand as ToolboxUpdate,
} from 'dynamodb-toolbox';
import { Entity as ElectroEntity } from 'electrodb';
import { Repository } from 'dynamodb-decorators';
import { createClient, type Target } from './clients';
import type { ContenderName } from './labels';
import { PhoneData, phoneRecord, RELATIONSHIPS, type PhoneRecord } from './models';

// The contenders of the single-item suite. Each does the same four conditional requests: create
// (a put that fails if the key exists), get, update (SET one attribute, only if the item exists,
// returning ALL_NEW) and delete (only if it exists, returning ALL_OLD), and gives back plain
// JavaScript values (ours: model instances). Where a library cannot send exactly that request,
// REQUEST_DIFFERENCES says how it differs.

/** One contender of the single-item suite. */
export interface OpsContender {
  readonly name: ContenderName;
  create(record: PhoneRecord): Promise<unknown>;
  get(id: number): Promise<unknown>;
  update(id: number, phoneNumber: string): Promise<unknown>;
  remove(id: number): Promise<unknown>;
}

/** The item the canned handler returns for get, update and delete. */
export const CANNED_ITEM: Record<string, AttributeValue> = marshall(phoneRecord(1));
const ELECTRO_ITEM: Record<string, AttributeValue> = {
  ...CANNED_ITEM,
  __edb_e__: { S: 'phone' },
  __edb_v__: { S: '1' },
};

/** Builds every contender for one table; each gets its own client. */
export function createContenders(target: Target, tableName: string): OpsContender[] {
  const answers = { item: CANNED_ITEM, deleteReturnsItem: true };
  return [
    rawContender(createClient(target, answers), tableName),
    oursContender(createClient(target, answers), tableName),
    oursContender(createClient(target, answers), tableName, 'oursNoopHook'),
    documentClientContender(createClient(target, answers), tableName),
    toolboxContender(createClient(target, answers), tableName),
    electroContender(createClient(target, { item: ELECTRO_ITEM, deleteReturnsItem: true }), tableName),
    dynamooseContender(createClient(target, { item: CANNED_ITEM, deleteReturnsItem: false }, true), tableName),
  ];
}

function rawContender(client: ReturnType<typeof createClient>, TableName: string): OpsContender {
  return {
    name: 'raw',
    async create(record) {
      await client.send(
        new PutItemCommand({
          TableName,
          Item: marshall(record),
          ConditionExpression: 'attribute_not_exists(#n0)',
          ExpressionAttributeNames: { '#n0': 'person_id' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return record;
    },
    async get(id) {
      const { Item } = await client.send(
        new GetItemCommand({ TableName, Key: marshall({ person_id: id }), ConsistentRead: false }),
      );
      if (!Item) throw new Error(`no item ${id}`);
      return unmarshall(Item);
    },
    async update(id, phoneNumber) {
      const { Attributes } = await client.send(
        new UpdateItemCommand({
          TableName,
          Key: marshall({ person_id: id }),
          UpdateExpression: 'SET #n0 = :v0',
          ConditionExpression: 'attribute_exists(#n1)',
          ExpressionAttributeNames: { '#n0': 'phone_number', '#n1': 'person_id' },
          ExpressionAttributeValues: marshall({ ':v0': phoneNumber }),
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return unmarshall(Attributes ?? {});
    },
    async remove(id) {
      const { Attributes } = await client.send(
        new DeleteItemCommand({
          TableName,
          Key: marshall({ person_id: id }),
          ConditionExpression: 'attribute_exists(#n0)',
          ExpressionAttributeNames: { '#n0': 'person_id' },
          ReturnValues: 'ALL_OLD',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return unmarshall(Attributes ?? {});
    },
  };
}

/** Hooks that do nothing: what observing costs by itself. */
const NOOP_HOOKS = { onRequest: () => undefined, onResponse: () => undefined, onError: () => undefined };

function oursContender(
  client: ReturnType<typeof createClient>,
  tableName: string,
  name: 'ours' | 'oursNoopHook' = 'ours',
): OpsContender {
  const repo = new Repository(PhoneData, { client, tableName, ...(name === 'oursNoopHook' && { hooks: NOOP_HOOKS }) });
  return {
    name,
    create: (record) => repo.createRecord(record),
    get: (id) => repo.getRecord(id),
    update: (id, phoneNumber) => repo.updateRecord(id, { phone_number: phoneNumber }),
    remove: (id) => repo.deleteRecord(id),
  };
}

function documentClientContender(client: ReturnType<typeof createClient>, TableName: string): OpsContender {
  const documents = DynamoDBDocumentClient.from(client);
  return {
    name: 'documentClient',
    async create(record) {
      await documents.send(
        new PutCommand({
          TableName,
          Item: record,
          ConditionExpression: 'attribute_not_exists(#n0)',
          ExpressionAttributeNames: { '#n0': 'person_id' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return record;
    },
    async get(id) {
      const { Item } = await documents.send(
        new GetCommand({ TableName, Key: { person_id: id }, ConsistentRead: false }),
      );
      if (!Item) throw new Error(`no item ${id}`);
      return Item;
    },
    async update(id, phoneNumber) {
      const { Attributes } = await documents.send(
        new UpdateCommand({
          TableName,
          Key: { person_id: id },
          UpdateExpression: 'SET #n0 = :v0',
          ConditionExpression: 'attribute_exists(#n1)',
          ExpressionAttributeNames: { '#n0': 'phone_number', '#n1': 'person_id' },
          ExpressionAttributeValues: { ':v0': phoneNumber },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return Attributes;
    },
    async remove(id) {
      const { Attributes } = await documents.send(
        new DeleteCommand({
          TableName,
          Key: { person_id: id },
          ConditionExpression: 'attribute_exists(#n0)',
          ExpressionAttributeNames: { '#n0': 'person_id' },
          ReturnValues: 'ALL_OLD',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return Attributes;
    },
  };
}

function toolboxContender(client: ReturnType<typeof createClient>, name: string): OpsContender {
  const table = new ToolboxTable({
    name,
    partitionKey: { name: 'person_id', type: 'number' },
    documentClient: DynamoDBDocumentClient.from(client),
  });
  const phones = new ToolboxEntity({
    name: 'Phone',
    table,
    entityAttribute: false,
    timestamps: false,
    schema: toolboxItem({
      person_id: toolboxNumber().key(),
      name: toolboxString(),
      phone_number: toolboxString(),
      relationship: toolboxString().enum(...RELATIONSHIPS),
      timestamp: toolboxString(),
    }),
  });
  return {
    name: 'toolbox',
    async create(record) {
      await phones
        .build(ToolboxPut)
        .item(record)
        .options({ condition: { attr: 'person_id', exists: false } })
        .send();
      return record;
    },
    async get(id) {
      const { Item } = await phones.build(ToolboxGet).key({ person_id: id }).send();
      if (!Item) throw new Error(`no item ${id}`);
      return Item;
    },
    async update(id, phoneNumber) {
      const { Attributes } = await phones
        .build(ToolboxUpdate)
        .item({ person_id: id, phone_number: phoneNumber })
        .options({ condition: { attr: 'person_id', exists: true }, returnValues: 'ALL_NEW' })
        .send();
      return Attributes;
    },
    async remove(id) {
      const { Attributes } = await phones
        .build(ToolboxDelete)
        .key({ person_id: id })
        .options({ condition: { attr: 'person_id', exists: true }, returnValues: 'ALL_OLD' })
        .send();
      return Attributes;
    },
  };
}

function electroContender(client: ReturnType<typeof createClient>, table: string): OpsContender {
  const phones = new ElectroEntity(
    {
      model: { entity: 'phone', version: '1', service: 'phonebook' },
      attributes: {
        person_id: { type: 'number', required: true },
        name: { type: 'string', required: true },
        phone_number: { type: 'string', required: true },
        relationship: { type: RELATIONSHIPS, required: true },
        timestamp: { type: 'string', required: true },
      },
      // the key field is the attribute itself: ElectroDB then stores the bare number, as the others do
      indexes: { primary: { pk: { field: 'person_id', composite: ['person_id'] } } },
    },
    { client: DynamoDBDocumentClient.from(client), table },
  );
  return {
    name: 'electrodb',
    async create(record) {
      return (await phones.create(record).go()).data;
    },
    async get(id) {
      const { data } = await phones.get({ person_id: id }).go();
      if (!data) throw new Error(`no item ${id}`);
      return data;
    },
    async update(id, phoneNumber) {
      return (await phones.patch({ person_id: id }).set({ phone_number: phoneNumber }).go({ response: 'all_new' }))
        .data;
    },
    async remove(id) {
      return (await phones.remove({ person_id: id }).go({ response: 'all_old' })).data;
    },
  };
}

function dynamooseContender(client: ReturnType<typeof createClient>, tableName: string): OpsContender {
  // dynamoose takes one client per process, set globally, and calls its methods by name
  dynamoose.aws.ddb.set(client as Parameters<typeof dynamoose.aws.ddb.set>[0]);
  const schema = new dynamoose.Schema({
    person_id: { type: Number, hashKey: true },
    name: { type: String, required: true },
    phone_number: { type: String, required: true },
    relationship: { type: String, required: true, enum: [...RELATIONSHIPS] },
    timestamp: { type: String, required: true },
  });
  const Phones = dynamoose.model(`Phone_${tableName}`, schema, {
    tableName,
    create: false,
    waitForActive: false,
    update: false,
  });
  const mustExist = () => new dynamoose.Condition().attribute('person_id').exists();
  return {
    name: 'dynamoose',
    create: (record) => Phones.create(record),
    async get(id) {
      const found = await Phones.get({ person_id: id });
      if (!found) throw new Error(`no item ${id}`);
      return found;
    },
    update: (id, phoneNumber) =>
      Phones.update(
        { person_id: id },
        { phone_number: phoneNumber },
        { condition: mustExist(), returnValues: 'ALL_NEW' },
      ),
    remove: (id) => Phones.delete({ person_id: id }, { condition: mustExist() }),
  };
}
