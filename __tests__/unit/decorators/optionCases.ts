// The SchemaError each ill-optioned model gives, shared by options.test.ts (legacy decorators) and
// options.standard.test.ts (standard decorators): decorators record options as given, and
// compileSchema checks them with the options checker every public call uses.

/** Model name → the property the error names (undefined for the class) and its reason. */
export const OPTION_ERRORS: Readonly<Record<string, readonly [string | undefined, string]>> = {
  MisspelledOption: ['note', '@Attribute: optinal (boolean) is not an option of @Attribute (did you mean optional?).'],
  IllTypedOptional: ['note', '@Attribute: optional (string) must be a boolean.'],
  UnknownType: [
    'body',
    '@Attribute: type (string) must be one of "string", "number", "bigint", "boolean", "date", "binary", "list", "map", "stringSet", "numberSet", "binarySet".',
  ],
  OptionsNotAnObject: ['note', '@Attribute: (options) (string) must be an object.'],
  OptionalPartitionKey: ['id', '@PartitionKey: optional (boolean) is not an option of @PartitionKey.'],
  SortKeyOption: ['at', '@SortKey: optional (boolean) is not an option of @SortKey.'],
  VersionOption: ['version', '@Version: start (number) is not an option of @Version.'],
  CreatedAtType: [
    'created',
    '@CreatedAt: type (string) must be one of "string", "number", "bigint", "boolean", "date", "binary", "list", "map", "stringSet", "numberSet", "binarySet".',
  ],
  UpdatedAtOption: ['updated', '@UpdatedAt: optional (boolean) is not an option of @UpdatedAt.'],
  TtlOption: ['expires', '@Ttl: unit (string) is not an option of @Ttl.'],
  CategoricalOption: [
    'kind',
    '@Categorical: defualt (string) is not an option of @Categorical (did you mean default?).',
  ],
  CategoricalValues: ['kind', '@Categorical needs an array of values, not string.'],
  TableNameNumber: [undefined, '@Table: name (number) must be a string of 3 to 255 of a-z A-Z 0-9 _ - ..'],
  TableNameBigInt: [undefined, '@Table: name (bigint) must be a string of 3 to 255 of a-z A-Z 0-9 _ - ..'],
  CategoricalBigInt: ['kind', '@Categorical values must be non-empty strings, got 1n.'],
  IndexNameBigInt: ['name', '@GlobalIndex(5n) needs a name of 3 to 255 of a-z A-Z 0-9 _ - .'],
  TableUnknownOption: [undefined, '@Table: nmae (string) is not an option of @Table (did you mean name?).'],
  TableWithoutName: [undefined, '@Table needs a name: @Table({ name: "..." }).'],
  TableProvisionedTypo: [
    undefined,
    '@Table: provisioned (object) must be { readCapacityUnits, writeCapacityUnits }, whole numbers of at least 1.',
  ],
  TableStreamView: [
    undefined,
    '@Table: stream (string) must be one of "NEW_AND_OLD_IMAGES", "NEW_IMAGE", "OLD_IMAGE", "KEYS_ONLY".',
  ],
  GlobalIndexTypo: [
    'name',
    '@GlobalIndex("byName"): sortkey (string) is not an option of @GlobalIndex on a property (did you mean sortKey?).',
  ],
  GlobalIndexKeyOnProperty: [
    'name',
    '@GlobalIndex("byName"): partitionKey (string) is not an option of @GlobalIndex on a property.',
  ],
  GlobalIndexOnClassBadKey: [undefined, '@GlobalIndex("byName"): partitionKey (number) must be a string.'],
  LocalIndexSortKeyOnProperty: [
    'at2',
    '@LocalIndex("byAt2"): sortKey (string) is not an option of @LocalIndex on a property.',
  ],
  LocalIndexOnClassPartitionKey: [
    undefined,
    '@LocalIndex("byAt2"): partitionKey (string) is not an option of @LocalIndex.',
  ],
};
