import { SchemaError } from '../errors/SchemaError';
import type { AttributeType, LifecycleRole, NestedClass } from '../metadata/declarations';
import { designType, ownAttributeDeclarations, tableDeclaration, usesStandardDecorators } from '../metadata/store';
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

/** A property's stored type, and the class that describes its value (a map) or its elements (a list). */
export interface ResolvedType {
  readonly type: AttributeType;
  readonly nested?: NestedClass;
}

/**
 * The type of each property (one group of declarations per property): the converter's stored type,
 * else the `type` option (a type name, a class: a map, `[Class]`: a list of them), else the emitted
 * `design:type` (a class with `@Attribute`s of its own: a map), else the type its decorator implies
 * (categorical: string; version: number; timestamps and TTL: date).
 * @throws SchemaError naming a property that declares two types (or a type and a converter), or one
 * error listing every property whose type cannot be known, with the fix for the decorators and runner in use.
 */
export function resolveTypes(
  model: ModelClass,
  modelName: string,
  groups: readonly (readonly CheckedDeclaration[])[],
): ResolvedType[] {
  const untyped: Untyped[] = [];
  const types = groups.map((declarations) => {
    const property = declarations[0]!.property;
    const declared = declarations.map((d) => d.type).filter((type) => type !== undefined);
    const first = declared[0];
    const other = declared.find((type) => !sameType(type, first!));
    if (other !== undefined) {
      throw new SchemaError(modelName, property, `declares two types: ${typeLabel(first!)} and ${typeLabel(other)}.`);
    }
    const converter = declarations.find((d) => d.converter !== undefined)?.converter;
    if (converter && first !== undefined) {
      throw new SchemaError(
        modelName,
        property,
        "declares a type and a converter: the converter's type is what is stored.",
      );
    }
    if (converter) return { type: converter.type };
    if (first !== undefined) return resolvedFrom(first);
    const reflected = designType(model, property);
    const inferred = inferType(reflected);
    if (inferred) return { type: inferred };
    if (isNestedClass(reflected)) return { type: 'map', nested: reflected } as const;
    const implied = impliedType(declarations, reflected);
    if (implied) return { type: implied };
    untyped.push({ property, decorator: typeOptionOwner(declarations), reflected });
    return undefined;
  });
  if (untyped.length > 0) throw untypedError(model, modelName, untyped, groups);
  return types as ResolvedType[];
}

type DeclaredType = AttributeType | NestedClass | readonly [NestedClass];

function sameType(a: DeclaredType, b: DeclaredType): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a[0] === b[0];
  return a === b;
}

function typeLabel(type: DeclaredType): string {
  if (Array.isArray(type)) return `[${(type[0] as NestedClass).name || 'a class'}]`;
  return typeof type === 'function' ? type.name || 'a class' : (type as string);
}

function resolvedFrom(type: DeclaredType): ResolvedType {
  if (Array.isArray(type)) return { type: 'list', nested: type[0] as NestedClass };
  if (typeof type === 'function') return { type: 'map', nested: type };
  return { type: type as AttributeType };
}

/** A class whose own `@Attribute`s (or a parent's) describe a value stored as a map, and that is no model with @Table. */
export function isNestedClass(value: unknown): value is NestedClass {
  if (typeof value !== 'function' || value === Object || tableDeclaration(value) !== undefined) return false;
  return classChain(value as ModelClass).some((level) => ownAttributeDeclarations(level).length > 0);
}

function impliedType(declarations: readonly CheckedDeclaration[], reflected: unknown): AttributeType | undefined {
  // A categorical or lifecycle property typed as a union (or a literal union read through a type
  // alias, `(typeof VALUES)[number]`) is emitted as Object by some compilers: the decorator still tells.
  if (reflected !== undefined && reflected !== Object) return undefined;
  if (declarations.some((d) => d.decorator === '@Categorical' || d.template !== undefined)) return 'string';
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
