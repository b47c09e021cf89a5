import { Attribute, PartitionKey, Table } from '../../../lib';
import { cdkModule } from '../../../lib/cli/exports/cdk';
import { tableSpecs } from '../../../lib/cli/exports/tableSpecs';
import { terraformModule } from '../../../lib/cli/exports/terraform';
import { toYaml } from '../../../lib/cli/exports/yaml';
import { compileSchema } from '../../../lib/schema/compileSchema';

// What the round trip on DynamoDB Local (integration/exports.test.ts) cannot show: names that need
// quoting in each format, and resource names that stay unique.

describe('toYaml', () => {
  it('leaves plain only the strings YAML reads back as the same string', () => {
    expect(
      toYaml({
        Type: 'AWS::DynamoDB::Table',
        plain: ['person_id', 'phonebook-table', 'a.b', 'byStatus'],
        quoted: ['N', 'y', 'yes', 'No', 'null', '~', '2010-09-09', '12', 'a b', 'a: b', 'end:', '#x', '-x', '', 'ünï'],
        numbers: [1, 2.5],
        flags: [true, false],
        empty: [],
        none: {},
      }),
    ).toBe(
      [
        'Type: AWS::DynamoDB::Table',
        'plain:',
        '  - person_id',
        '  - phonebook-table',
        '  - a.b',
        '  - byStatus',
        'quoted:',
        ...['N', 'y', 'yes', 'No', 'null', '~', '2010-09-09', '12', 'a b', 'a: b', 'end:', '#x', '-x', '', 'ünï'].map(
          (text) => `  - ${JSON.stringify(text)}`,
        ),
        'numbers:',
        '  - 1',
        '  - 2.5',
        'flags:',
        '  - true',
        '  - false',
        'empty: []',
        'none: {}',
        '',
      ].join('\n'),
    );
  });

  it('writes a list of maps with the first key on the dash', () => {
    expect(toYaml({ KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] })).toBe(
      'KeySchema:\n  - AttributeName: id\n    KeyType: HASH\n',
    );
  });
});

describe('names in the exports', () => {
  @Table({ name: 'odd.names-table' })
  class Odd {
    @PartitionKey({ type: 'string' }) "it's ${x}"!: string;
    @Attribute({ type: 'string' }) plain!: string;
  }
  const specs = tableSpecs([
    { schema: compileSchema(Odd), tableName: 'odd.names-table', source: 'Odd' },
    { schema: compileSchema(Odd), tableName: 'odd-names-staging', source: 'staging' },
  ]);

  it('gives each table a resource name unique in the export', () => {
    expect(specs.map((spec) => spec.resourceName)).toEqual(['Odd', 'OddOddNamesStaging']);
  });

  it('escapes Terraform interpolation and quotes in HCL strings', () => {
    expect(terraformModule(specs, 'models.js')).toContain('hash_key     = "it\'s $${x}"');
  });

  it('writes single-quoted TypeScript strings for the CDK', () => {
    expect(cdkModule(specs, 'models.js')).toContain(
      "partitionKey: { name: 'it\\'s ${x}', type: AttributeType.STRING },",
    );
  });
});
