import { Attribute, Categorical, PartitionKey, Table, Ttl } from '../../../lib';
import { describeModel } from '../../../lib/cli/describeModel';
import { describeText } from '../../../lib/cli/text';
import { compileSchema } from '../../../lib/schema/compileSchema';

// describe reports a clash of enum names and goes on: the model works for everything else.

@Table({ name: 'clashing', stream: 'KEYS_ONLY' })
class Clashing {
  @PartitionKey() userId!: string;
  @Attribute() user_id!: string;
  @Categorical(['A', 'B']) grade!: string;
  @Ttl() expires_at?: Date;
}

describe('describeModel', () => {
  const description = describeModel({ schema: compileSchema(Clashing), tableName: 'clashing', source: 'Clashing' });

  it('reports a clash of enum names instead of failing', () => {
    expect(description.enums).toEqual({
      error: expect.stringMatching(/^Clashing.user_id: attributes userId and user_id give the same enum key USER_ID/),
    });
    expect(describeText(description)).toMatch(/\n {2}enums +not generated: Clashing.user_id: .*USER_ID/);
  });

  it('still gives the table definition and the capabilities the model needs', () => {
    expect(description.definition.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });
    expect(description.capabilities.map((capability) => capability.capability)).toEqual([
      'time to live (TTL)',
      'DynamoDB Streams',
    ]);
  });
});
