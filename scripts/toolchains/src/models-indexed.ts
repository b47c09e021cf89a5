// The phonebook model changed after its table was made: a second global index, on name. The command
// line's entry of the matrix (cli-walk.cjs) syncs the table to it: built on DynamoDB Local, refused
// with the capability error on dynalite, which never builds an index on a live table.
import { Attribute, Categorical, GlobalIndex, PartitionKey, Table } from 'dynamodb-decorators';
import { RELATIONSHIPS, type Relationship } from './relationships.js';

@Table({ name: 'phonebook-table' })
export class PhoneData {
  @PartitionKey({ type: 'number' }) person_id!: number;
  @Attribute({ type: 'string' }) @GlobalIndex('byName') name!: string;
  @Attribute({ type: 'string' }) phone_number!: string;
  @Categorical(RELATIONSHIPS) @GlobalIndex('byRelationship') relationship!: Relationship;
  @Attribute({ type: 'string' }) timestamp!: string;
}
