import 'reflect-metadata';
import {
  Attribute,
  Categorical,
  CreatedAt,
  GlobalIndex,
  LocalIndex,
  PartitionKey,
  SortKey,
  Table,
  Ttl,
  UpdatedAt,
  Version,
} from '../../../lib';
import type { ModelClass } from '../../../lib/schema/CompiledSchema';
import { loose, schemaErrorOf } from './misuseCases';
import { OPTION_ERRORS } from './optionCases';

// Legacy decorators; options.standard.test.ts mirrors this file. Each model is well formed but for
// one option, which the model's first use names with the class and property.

@Table({ name: 'options-table' })
class MisspelledOption {
  @PartitionKey() id!: string;
  @Attribute(loose({ optinal: true })) note?: string;
}

@Table({ name: 'options-table' })
class IllTypedOptional {
  @PartitionKey() id!: string;
  @Attribute(loose({ optional: 'yes' })) note?: string;
}

@Table({ name: 'options-table' })
class UnknownType {
  @PartitionKey() id!: string;
  @Attribute(loose({ type: 'text' })) body!: string;
}

@Table({ name: 'options-table' })
class OptionsNotAnObject {
  @PartitionKey() id!: string;
  @Attribute(loose('string')) note!: string;
}

@Table({ name: 'options-table' })
class OptionalPartitionKey {
  @PartitionKey(loose({ optional: true })) id!: string;
}

@Table({ name: 'options-table' })
class SortKeyOption {
  @PartitionKey() id!: string;
  @SortKey(loose({ optional: true })) at!: number;
}

@Table({ name: 'options-table' })
class VersionOption {
  @PartitionKey() id!: string;
  @Version(loose({ start: 0 })) version!: number;
}

@Table({ name: 'options-table' })
class CreatedAtType {
  @PartitionKey() id!: string;
  @CreatedAt(loose({ type: 'timestamp' })) created!: Date;
}

@Table({ name: 'options-table' })
class UpdatedAtOption {
  @PartitionKey() id!: string;
  @UpdatedAt(loose({ optional: true })) updated!: Date;
}

@Table({ name: 'options-table' })
class TtlOption {
  @PartitionKey() id!: string;
  @Ttl(loose({ unit: 'seconds' })) expires?: Date;
}

@Table({ name: 'options-table' })
class CategoricalOption {
  @PartitionKey() id!: string;
  @Categorical(['A'], loose({ defualt: 'A' })) kind!: string;
}

@Table({ name: 'options-table' })
class CategoricalValues {
  @PartitionKey() id!: string;
  @Categorical(loose('A')) kind!: string;
}

@Table(loose({ name: 3 }))
class TableNameNumber {
  @PartitionKey() id!: string;
}

@Table(loose({ name: 10n }))
class TableNameBigInt {
  @PartitionKey() id!: string;
}

@Table({ name: 'options-table' })
class CategoricalBigInt {
  @PartitionKey() id!: string;
  @Categorical(loose(['A', 1n])) kind!: string;
}

@Table({ name: 'options-table' })
class IndexNameBigInt {
  @PartitionKey() id!: string;
  @GlobalIndex(loose(5n)) name!: string;
}

@Table(loose({ nmae: 'options-table' }))
class TableUnknownOption {
  @PartitionKey() id!: string;
}

@loose(Table(loose(undefined)))
class TableWithoutName {
  @PartitionKey() id!: string;
}

@Table(loose({ name: 'options-table', provisioned: { readCapacityUnits: 1, writeCapacityUnit: 1 } }))
class TableProvisionedTypo {
  @PartitionKey() id!: string;
}

@Table(loose({ name: 'options-table', stream: 'NEW_AND_OLD' }))
class TableStreamView {
  @PartitionKey() id!: string;
}

@Table({ name: 'options-table' })
class GlobalIndexTypo {
  @PartitionKey() id!: string;
  @Attribute() at!: string;
  @GlobalIndex('byName', loose({ sortkey: 'at' })) name!: string;
}

@Table({ name: 'options-table' })
class GlobalIndexKeyOnProperty {
  @PartitionKey() id!: string;
  @GlobalIndex('byName', loose({ partitionKey: 'id' })) name!: string;
}

@GlobalIndex('byName', loose({ partitionKey: 7 }))
@Table({ name: 'options-table' })
class GlobalIndexOnClassBadKey {
  @PartitionKey() id!: string;
}

@Table({ name: 'options-table' })
class LocalIndexSortKeyOnProperty {
  @PartitionKey() id!: string;
  @SortKey() at!: number;
  @LocalIndex('byAt2', loose({ sortKey: 'at' })) at2!: number;
}

@LocalIndex('byAt2', loose({ partitionKey: 'id', sortKey: 'at2' }))
@Table({ name: 'options-table' })
class LocalIndexOnClassPartitionKey {
  @PartitionKey() id!: string;
  @SortKey() at!: number;
  @Attribute() at2!: number;
}

const MODELS: Record<keyof typeof OPTION_ERRORS, ModelClass> = {
  MisspelledOption,
  IllTypedOptional,
  UnknownType,
  OptionsNotAnObject,
  OptionalPartitionKey,
  SortKeyOption,
  VersionOption,
  CreatedAtType,
  UpdatedAtOption,
  TtlOption,
  CategoricalOption,
  CategoricalValues,
  TableNameNumber,
  TableNameBigInt,
  CategoricalBigInt,
  IndexNameBigInt,
  TableUnknownOption,
  TableWithoutName,
  TableProvisionedTypo,
  TableStreamView,
  GlobalIndexTypo,
  GlobalIndexKeyOnProperty,
  GlobalIndexOnClassBadKey,
  LocalIndexSortKeyOnProperty,
  LocalIndexOnClassPartitionKey,
};

describe('decorator options (legacy decorators) are checked at first use', () => {
  it.each(Object.entries(OPTION_ERRORS))('%s', (name, [property, reason]) => {
    expect(schemaErrorOf(MODELS[name]!)).toEqual({ property, reason });
  });

  it('covers every case', () => {
    expect(Object.keys(MODELS).sort()).toEqual(Object.keys(OPTION_ERRORS).sort());
  });
});
