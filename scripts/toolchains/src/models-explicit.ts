// The phonebook with every type given: runs under standard decorators and under legacy decorators
// compiled without metadata (esbuild, tsx, vitest, Lambda bundlers).
import {
  Attribute,
  Categorical,
  GlobalIndex,
  PartitionKey,
  Repository,
  Table,
  type RepositoryOptions,
} from 'dynamodb-decorators';
import { RELATIONSHIPS, type Relationship } from './relationships.js';

@Table({ name: 'phonebook-table' })
export class PhoneData {
  @PartitionKey({ type: 'number' }) person_id!: number;
  @Attribute({ type: 'string' }) name!: string;
  @Attribute({ type: 'string' }) phone_number!: string;
  @Categorical(RELATIONSHIPS) @GlobalIndex('byRelationship') relationship!: Relationship;
  @Attribute({ type: 'string' }) timestamp!: string;
}

export class PhoneRepository extends Repository<PhoneData> {
  constructor(options?: RepositoryOptions) {
    super(PhoneData, options);
  }
}
