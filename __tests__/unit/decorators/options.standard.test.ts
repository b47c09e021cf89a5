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

// Standard decorators (swc, decoratorVersion 2022-03): the mirror of options.test.ts, with the types
// standard decorators need. Each model is well formed but for one option, which the model's first
// use names with the class and property.

@Table({ name: 'options-table' })
class MisspelledOption {
  @PartitionKey({ type: 'string' }) id!: string;
  @Attribute(loose({ type: 'string', optinal: true })) note?: string;
}

@Table({ name: 'options-table' })
class IllTypedOptional {
  @PartitionKey({ type: 'string' }) id!: string;
  @Attribute(loose({ type: 'string', optional: 'yes' })) note?: string;
}

@Table({ name: 'options-table' })
class UnknownType {
  @PartitionKey({ type: 'string' }) id!: string;
  @Attribute(loose({ type: 'text' })) body!: string;
}

@Table({ name: 'options-table' })
class OptionsNotAnObject {
  @PartitionKey({ type: 'string' }) id!: string;
  @Attribute(loose('string')) note!: string;
}

@Table({ name: 'options-table' })
class OptionalPartitionKey {
  @PartitionKey(loose({ optional: true })) id!: string;
}

@Table({ name: 'options-table' })
class SortKeyOption {
  @PartitionKey({ type: 'string' }) id!: string;
  @SortKey(loose({ optional: true })) at!: number;
}

@Table({ name: 'options-table' })
class VersionOption {
  @PartitionKey({ type: 'string' }) id!: string;
  @Version(loose({ start: 0 })) version!: number;
}

@Table({ name: 'options-table' })
class CreatedAtType {
  @PartitionKey({ type: 'string' }) id!: string;
  @CreatedAt(loose({ type: 'timestamp' })) created!: Date;
}

@Table({ name: 'options-table' })
class UpdatedAtOption {
  @PartitionKey({ type: 'string' }) id!: string;
  @UpdatedAt(loose({ optional: true })) updated!: Date;
}

@Table({ name: 'options-table' })
class TtlOption {
  @PartitionKey({ type: 'string' }) id!: string;
  @Ttl(loose({ unit: 'seconds' })) expires?: Date;
}

@Table({ name: 'options-table' })
class CategoricalOption {
  @PartitionKey({ type: 'string' }) id!: string;
  @Categorical(['A'], loose({ defualt: 'A' })) kind!: string;
}

@Table({ name: 'options-table' })
class CategoricalValues {
  @PartitionKey({ type: 'string' }) id!: string;
  @Categorical(loose('A')) kind!: string;
}

@Table(loose({ name: 3 }))
class TableNameNumber {
  @PartitionKey({ type: 'string' }) id!: string;
}

@Table(loose({ name: 10n }))
class TableNameBigInt {
  @PartitionKey({ type: 'string' }) id!: string;
}

@Table({ name: 'options-table' })
class CategoricalBigInt {
  @PartitionKey({ type: 'string' }) id!: string;
  @Categorical(loose(['A', 1n])) kind!: string;
}

@Table({ name: 'options-table' })
class IndexNameBigInt {
  @PartitionKey({ type: 'string' }) id!: string;
  @GlobalIndex(loose(5n)) @Attribute({ type: 'string' }) name!: string;
}

@Table(loose({ nmae: 'options-table' }))
class TableUnknownOption {
  @PartitionKey({ type: 'string' }) id!: string;
}

@loose(Table(loose(undefined)))
class TableWithoutName {
  @PartitionKey({ type: 'string' }) id!: string;
}

@Table(loose({ name: 'options-table', provisioned: { readCapacityUnits: 1, writeCapacityUnit: 1 } }))
class TableProvisionedTypo {
  @PartitionKey({ type: 'string' }) id!: string;
}

@Table(loose({ name: 'options-table', stream: 'NEW_AND_OLD' }))
class TableStreamView {
  @PartitionKey({ type: 'string' }) id!: string;
}

@Table({ name: 'options-table' })
class GlobalIndexTypo {
  @PartitionKey({ type: 'string' }) id!: string;
  @Attribute({ type: 'string' }) at!: string;
  @GlobalIndex('byName', loose({ sortkey: 'at' })) @Attribute({ type: 'string' }) name!: string;
}

@Table({ name: 'options-table' })
class GlobalIndexKeyOnProperty {
  @PartitionKey({ type: 'string' }) id!: string;
  @GlobalIndex('byName', loose({ partitionKey: 'id' })) @Attribute({ type: 'string' }) name!: string;
}

@GlobalIndex('byName', loose({ partitionKey: 7 }))
@Table({ name: 'options-table' })
class GlobalIndexOnClassBadKey {
  @PartitionKey({ type: 'string' }) id!: string;
}

@Table({ name: 'options-table' })
class LocalIndexSortKeyOnProperty {
  @PartitionKey({ type: 'string' }) id!: string;
  @SortKey({ type: 'number' }) at!: number;
  @LocalIndex('byAt2', loose({ sortKey: 'at' })) @Attribute({ type: 'number' }) at2!: number;
}

@LocalIndex('byAt2', loose({ partitionKey: 'id', sortKey: 'at2' }))
@Table({ name: 'options-table' })
class LocalIndexOnClassPartitionKey {
  @PartitionKey({ type: 'string' }) id!: string;
  @SortKey({ type: 'number' }) at!: number;
  @Attribute({ type: 'number' }) at2!: number;
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

describe('decorator options (standard decorators) are checked at first use', () => {
  it.each(Object.entries(OPTION_ERRORS))('%s', (name, [property, reason]) => {
    expect(schemaErrorOf(MODELS[name]!)).toEqual({ property, reason });
  });

  it('covers every case', () => {
    expect(Object.keys(MODELS).sort()).toEqual(Object.keys(OPTION_ERRORS).sort());
  });
});
