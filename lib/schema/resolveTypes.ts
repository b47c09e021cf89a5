import { SchemaError } from '../errors/SchemaError';
import type { AttributeType, LifecycleRole } from '../metadata/declarations';
import { designType, usesStandardDecorators } from '../metadata/store';
import { ATTRIBUTE_TYPES, type CheckedDeclaration } from './checkDeclarations';
import type { ModelClass } from './CompiledSchema';
import { classChain } from './classChain';
import { inferType } from './inferType';
import { metadataFreeRunner, runsFromBundle } from './metadataFreeRunner';

/** The type a decorator implies when no type is given or emitted. */
const IMPLIED_BY_ROLE: Readonly<Record<LifecycleRole, AttributeType>> = {
  version: 'number',
  createdAt: 'date',
  updatedAt: 'date',
  ttl: 'date',
};

interface Untyped {
  readonly property: string;
  readonly decorator: string;
  readonly reflected: unknown;
}

/**
 * The type of each property (one group of declarations per property): the `type` option, else the
 * emitted `design:type`, else the type its decorator implies (categorical: string; version: number;
 * timestamps and TTL: date).
 * @throws SchemaError naming a property that declares two types, or one error listing every property
 * whose type cannot be known, with the fix for the decorators and runner in use.
 */
export function resolveTypes(
  model: ModelClass,
  modelName: string,
  groups: readonly (readonly CheckedDeclaration[])[],
): AttributeType[] {
  const untyped: Untyped[] = [];
  const types = groups.map((declarations) => {
    const property = declarations[0]!.property;
    const declared = new Set(declarations.map((d) => d.type).filter((type) => type !== undefined));
    if (declared.size > 1)
      throw new SchemaError(modelName, property, `declares two types: ${[...declared].join(' and ')}.`);
    const reflected = designType(model, property);
    const type = [...declared][0] ?? inferType(reflected) ?? impliedType(declarations, reflected);
    if (type === undefined) untyped.push({ property, decorator: typeOptionOwner(declarations), reflected });
    return type;
  });
  if (untyped.length > 0) throw untypedError(model, modelName, untyped, groups);
  return types as AttributeType[];
}

function impliedType(declarations: readonly CheckedDeclaration[], reflected: unknown): AttributeType | undefined {
  // A categorical or lifecycle property typed as a union (or a literal union read through a type
  // alias, `(typeof VALUES)[number]`) is emitted as Object by some compilers: the decorator still tells.
  if (reflected !== undefined && reflected !== Object) return undefined;
  if (declarations.some((d) => d.decorator === '@Categorical')) return 'string';
  const role = declarations.find((d) => d.role !== undefined)?.role;
  return role && IMPLIED_BY_ROLE[role];
}

/** The decorator to give `{ type }` to in the message: the key decorator if there is one. */
function typeOptionOwner(declarations: readonly CheckedDeclaration[]): string {
  const key = declarations.find((d) => d.key !== undefined)?.key;
  return key === 'partition' ? '@PartitionKey' : key === 'sort' ? '@SortKey' : '@Attribute';
}

/** Properties whose type cannot be known for one reason, and how to give it. */
interface Cause {
  readonly untyped: readonly Untyped[];
  readonly why: string;
  readonly fix: string;
}

// vite 8 compiles with Oxc, which emits design:type when tsconfig.json asks; vite 7 and before with esbuild, which never does.
const VITEST_WITHOUT_METADATA =
  'vitest compiled the model without decorator metadata (no design:type): vite 8 emits it only with ' +
  '"emitDecoratorMetadata": true in tsconfig.json, vite 7 and before never';

const IMPLIED = "(@Categorical implies 'string', @Version 'number', @CreatedAt, @UpdatedAt and @Ttl 'date')";

function untypedError(
  model: ModelClass,
  modelName: string,
  untyped: readonly Untyped[],
  groups: readonly (readonly CheckedDeclaration[])[],
): SchemaError {
  const causes: Cause[] = [];
  const missing = untyped.filter((u) => u.reflected === undefined);
  if (missing.length > 0) causes.push(missingCause(model, modelName, missing, groups));
  const object = untyped.filter((u) => u.reflected === Object);
  if (object.length > 0) {
    const why = 'emitted as Object, as a union (string | null), an interface or a Record is';
    causes.push({ untyped: object, why, fix: `pass it: ${typeOptions(object)} ('map' for an object)` });
  }
  const sets = untyped.filter((u) => u.reflected === Set);
  if (sets.length > 0) {
    const fix = `pass it: ${typeOptions(sets)} ('stringSet', 'numberSet' or 'binarySet')`;
    causes.push({ untyped: sets, why: sets.length === 1 ? 'a Set' : 'Sets', fix });
  }
  for (const other of untyped.filter(
    (u) => u.reflected !== undefined && u.reflected !== Object && u.reflected !== Set,
  )) {
    const name = typeof other.reflected === 'function' ? other.reflected.name : typeof other.reflected;
    const why = `of type ${name}, which maps to no DynamoDB type`;
    causes.push({ untyped: [other], why, fix: `pass it: ${typeOptions([other])}` });
  }
  const property = untyped.length === 1 ? untyped[0]!.property : undefined;
  if (causes.length === 1) {
    const { why, fix } = causes[0]!;
    const subject = property === undefined ? `the type of ${listed(untyped)}` : 'its type';
    return new SchemaError(modelName, property, `cannot tell ${subject}: ${why}. ${capitalized(fix)}.`);
  }
  const described = causes.map(({ untyped: some, why, fix }) => `${listed(some)}: ${why}; ${fix}.`);
  return new SchemaError(
    modelName,
    property,
    `cannot tell the type of ${untyped.length} properties. ${described.join(' ')}`,
  );
}

/** Why no type was emitted, and the fix that fits the decorators and runner in use. */
function missingCause(
  model: ModelClass,
  modelName: string,
  missing: readonly Untyped[],
  groups: readonly (readonly CheckedDeclaration[])[],
): Cause {
  const fix = `pass it: ${typeOptions(missing)}, type one of ${ATTRIBUTE_TYPES.join(', ')} ${IMPLIED}`;
  if (classChain(model).some((level) => usesStandardDecorators(level))) {
    return { untyped: missing, why: 'standard decorators emit no type metadata', fix };
  }
  const emittedNone = groups.every((declarations) => designType(model, declarations[0]!.property) === undefined);
  if (!emittedNone) return { untyped: missing, why: 'no design:type was emitted', fix };
  const runner = metadataFreeRunner();
  if (runner === 'vitest') return { untyped: missing, why: VITEST_WITHOUT_METADATA, fix };
  if (runner !== undefined) {
    return { untyped: missing, why: `${runner} compiles TypeScript without decorator metadata (no design:type)`, fix };
  }
  if (runsFromBundle()) {
    // whichever bundler made it compiled without metadata; esbuild, the usual one for Lambda functions, cannot emit it
    const why =
      'this code runs from a bundle compiled without decorator metadata (esbuild, as AWS CDK and serverless bundle functions, never emits it)';
    return { untyped: missing, why, fix };
  }
  return {
    untyped: missing,
    why: `no design:type was emitted for any property of ${modelName}`,
    fix:
      `${fix}, or turn on "emitDecoratorMetadata" (with "experimentalDecorators") in tsconfig.json` +
      ' (jsc.transform.decoratorMetadata for swc, babel-plugin-transform-typescript-metadata for Babel)',
  };
}

/** `@PartitionKey({ type }) on id, @Attribute({ type }) on name and note` */
function typeOptions(untyped: readonly Untyped[]): string {
  const byDecorator = new Map<string, string[]>();
  for (const { decorator, property } of untyped) {
    byDecorator.set(decorator, [...(byDecorator.get(decorator) ?? []), property]);
  }
  return [...byDecorator]
    .map(([decorator, properties]) => `${decorator}({ type }) on ${listed(properties)}`)
    .join(', ');
}

function listed(items: readonly (Untyped | string)[]): string {
  const names = items.map((item) => (typeof item === 'string' ? item : item.property));
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
