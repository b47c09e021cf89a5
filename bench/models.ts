import 'reflect-metadata';
import { Attribute, Categorical, PartitionKey, SortKey, Table } from 'dynamodb-decorators';

// The models measured: the wiki page's phonebook row, and the same row in a composite-key table
// (one partition, many sorted rows) for the paginated query.

export const RELATIONSHIPS = ['PARENT', 'SIBLING', 'FRIEND', 'COLLEAGUE', 'ACQUAINTANCE'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

@Table({ name: 'bench-phonebook' })
export class PhoneData {
  @PartitionKey() person_id!: number;
  @Attribute() name!: string;
  @Attribute() phone_number!: string;
  @Categorical(RELATIONSHIPS) relationship!: Relationship;
  @Attribute() timestamp!: string;
}

@Table({ name: 'bench-book' })
export class BookEntry {
  @PartitionKey() book!: string;
  @SortKey() person_id!: number;
  @Attribute() name!: string;
  @Attribute() phone_number!: string;
  @Categorical(RELATIONSHIPS) relationship!: Relationship;
  @Attribute() timestamp!: string;
}

/** A phonebook row as plain data: what every contender is given. */
export interface PhoneRecord {
  person_id: number;
  name: string;
  phone_number: string;
  relationship: Relationship;
  timestamp: string;
}

const EPOCH = Date.UTC(2026, 0, 1);

/** The i-th phonebook row: realistic lengths, all five relationships, distinct timestamps. */
export function phoneRecord(id: number): PhoneRecord {
  return {
    person_id: id,
    name: `Person ${id}`,
    phone_number: `555-${String(id % 10_000_000).padStart(7, '0')}`,
    relationship: RELATIONSHIPS[id % RELATIONSHIPS.length]!,
    timestamp: new Date(EPOCH + id * 1000).toISOString(),
  };
}

/** The new phone number an update sets. */
export function newPhoneNumber(id: number): string {
  return `555-9${String(id % 1_000_000).padStart(6, '0')}`;
}
