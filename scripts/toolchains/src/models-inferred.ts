// The phonebook as a legacy-decorator project writes it: types read from design:type, so it needs a
// compiler that emits decorator metadata (tsc or swc with emitDecoratorMetadata).
import 'reflect-metadata';
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
  @PartitionKey() person_id!: number;
  @Attribute() name!: string;
  @Attribute() phone_number!: string;
  @Categorical(RELATIONSHIPS) @GlobalIndex('byRelationship') relationship!: Relationship;
  @Attribute() timestamp!: string;
}

export class PhoneRepository extends Repository<PhoneData> {
  constructor(options?: RepositoryOptions) {
    super(PhoneData, options);
  }
}
