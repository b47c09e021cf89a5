import { RecordValidationError } from '../../../lib/errors/RecordValidationError';
import type { ModelClass } from '../../../lib/schema/CompiledSchema';
import { compileSchema } from '../../../lib/schema/compileSchema';
import type { GsiOptions } from '../../../lib/repository/options';
import { checkIndexOptions } from '../../../lib/validation/checkIndexOptions';
import { EdgeData, EventData, PhoneData, StatusData } from '../../fixtures/models';
import { captureSyncError } from '../captureError';

describe('checkIndexOptions: bad indexes', () => {
  it.each<[string, ModelClass, unknown, GsiOptions | undefined, typeof RecordValidationError, string, RegExp]>([
    [
      'an unknown attribute',
      PhoneData,
      'nickname',
      undefined,
      RecordValidationError,
      'nickname',
      /^is not an attribute of the model \(index partition key\)$/,
    ],
    [
      'a non-string attribute',
      PhoneData,
      42,
      { name: 'by-number' },
      RecordValidationError,
      '42',
      /^is not an attribute of the model/,
    ],
    [
      'an unknown sort key',
      StatusData,
      'status',
      { sortKey: 'when' },
      RecordValidationError,
      'when',
      /^is not an attribute of the model \(index sort key\)$/,
    ],
    [
      'a boolean attribute as partition key',
      EdgeData,
      'flag',
      undefined,
      RecordValidationError,
      'flag',
      /^cannot be an index partition key: it must be a string, number, bigint, Date or binary$/,
    ],
    [
      'a map attribute as sort key',
      EdgeData,
      'name',
      { sortKey: 'map' },
      RecordValidationError,
      'map',
      /^cannot be an index sort key/,
    ],
    [
      'a set attribute as partition key',
      EdgeData,
      'tags',
      undefined,
      RecordValidationError,
      'tags',
      /^cannot be an index partition key/,
    ],
    [
      'the same attribute as both keys',
      StatusData,
      'status',
      { sortKey: 'status' },
      RecordValidationError,
      'status',
      /^cannot be both the index partition key and its sort key$/,
    ],
    [
      'a bad projection string',
      StatusData,
      'status',
      { projection: 'SOME' as never },
      RecordValidationError,
      'projection',
      /^must be 'ALL', 'KEYS_ONLY' or \{ include: \[at least one attribute\] \}$/,
    ],
    [
      'an empty include',
      StatusData,
      'status',
      { projection: { include: [] } },
      RecordValidationError,
      'projection',
      /^must be 'ALL'/,
    ],
    [
      'an include of an unknown attribute',
      StatusData,
      'status',
      { projection: { include: ['nope'] } },
      RecordValidationError,
      'nope',
      /^is not an attribute of the model \(projection include\)$/,
    ],
    [
      'an include of the table key',
      StatusData,
      'status',
      { projection: { include: ['request_id'] } },
      RecordValidationError,
      'request_id',
      /^is a key attribute, projected anyway/,
    ],
    [
      'an include of the index key',
      StatusData,
      'status',
      { projection: { include: ['status'] } },
      RecordValidationError,
      'status',
      /^is a key attribute, projected anyway/,
    ],
    [
      'an include of the index sort key',
      StatusData,
      'status',
      { sortKey: 'timestamp', projection: { include: ['timestamp'] } },
      RecordValidationError,
      'timestamp',
      /^is a key attribute/,
    ],
    [
      'an index name too short',
      PhoneData,
      'name',
      { name: 'ix' },
      RecordValidationError,
      'name',
      /^index name "ix" must be 3 to 255 of a-z A-Z 0-9 _ - \.$/,
    ],
    [
      'an index name with a space',
      PhoneData,
      'name',
      { name: 'by name' },
      RecordValidationError,
      'name',
      /^index name "by name" must be/,
    ],
    [
      'a default index name too short (attribute "at")',
      EventData,
      'at',
      undefined,
      RecordValidationError,
      'name',
      /^index name "at" must be/,
    ],
    [
      'a default index name with bad characters ("x y")',
      EdgeData,
      'x y',
      undefined,
      RecordValidationError,
      'name',
      /^index name "x y" must be/,
    ],
  ])('%s', (_case, model, attribute, options, ErrorClass, failing, constraint) => {
    const error = captureSyncError(() => checkIndexOptions(compileSchema(model), attribute, options));
    expect(error).toBeInstanceOf(ErrorClass);
    const { issues, modelName } = error as RecordValidationError;
    expect(modelName).toBe(model.name);
    expect(issues).toEqual([
      expect.objectContaining({ attribute: failing, constraint: expect.stringMatching(constraint) }),
    ]);
  });

  it('reports every problem at once', () => {
    const error = captureSyncError(() =>
      checkIndexOptions(compileSchema(EdgeData), 'flag', {
        sortKey: 'nope',
        name: 'x',
        projection: { include: ['id', 'ghost'] },
      }),
    ) as RecordValidationError;
    expect(error.issues.map((issue) => issue.attribute)).toEqual(['flag', 'nope', 'name', 'id', 'ghost']);
  });
});

describe('checkIndexOptions: good indexes', () => {
  it('resolves the keys, a default name and an ALL projection', () => {
    const schema = compileSchema(StatusData);
    expect(checkIndexOptions(schema, 'status')).toMatchObject({
      name: 'status',
      partitionKey: schema.attributeByName.get('status'),
      projection: 'ALL',
    });
  });

  it('keeps a sort key, a name and an include projection', () => {
    const schema = compileSchema(EdgeData);
    const index = checkIndexOptions(schema, 'status', {
      sortKey: 'when',
      name: 'byStatus',
      projection: { include: ['name', 'a.b'] },
    });
    expect(index.name).toBe('byStatus');
    expect(index.partitionKey.name).toBe('status');
    expect(index.sortKey?.name).toBe('when');
    expect(index.projection).toEqual({ include: ['name', 'a.b'] });
  });

  it.each(['string', 'number', 'bigint', 'date', 'binary'])('accepts a %s attribute as index key', (type) => {
    const byType: Record<string, string> = {
      string: 'name',
      number: 'count',
      bigint: 'big',
      date: 'when',
      binary: 'bytes',
    };
    expect(
      checkIndexOptions(compileSchema(EdgeData), byType[type], { projection: 'KEYS_ONLY' }).partitionKey.type,
    ).toBe(type);
  });
});
