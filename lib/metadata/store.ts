import { ATTRIBUTES_KEY, INDEXES_KEY, MISUSES_KEY, TABLE_KEY } from './keys';
import type { AttributeDeclaration, DecoratorMisuse, IndexDeclaration, TableRecord } from './declarations';

// The only module that touches Reflect.* or decorator metadata: decorators write through it,
// compileSchema reads. A record goes to one of two places, by the decorators in use:
// - legacy decorators (experimentalDecorators) receive the class: its own Reflect metadata;
// - standard decorators receive `context.metadata`, an object the emitter creates per class
//   (its prototype is the parent class's object) and stores as `Model[Symbol.metadata]`; a field
//   decorator never sees the class, so that object is the only way to reach it.
// A record target is therefore a class (a function) or a metadata object (never a function).
// Either way only the class's *own* records are read, and every write stores a new array, never
// pushing onto one that may belong to the parent.

/*
 * Node 20 (and 22, 24) define no Symbol.metadata. TypeScript's emit (5.2+) then passes no
 * `context.metadata` at all (`typeof Symbol === "function" && Symbol.metadata ? ... : void 0`),
 * so it must exist before the user's classes are defined: this module is loaded by every decorator
 * module, hence before any class that uses them. esbuild, Babel and swc fall back to
 * `Symbol.for("Symbol.metadata")` when Symbol.metadata is missing; core-js's polyfill creates the
 * same registered symbol, and keeps an existing one. So `??=` with that symbol is sound whichever
 * runs first: classes emitted before this line by esbuild, Babel or swc are found under the same
 * key, and a Symbol.metadata installed earlier by someone else (core-js, Lit's
 * `Symbol.metadata ??= Symbol('metadata')`, a runtime that ships it) is kept, and every emitter
 * then uses it too, as it reads Symbol.metadata first. Only assigning unconditionally would be
 * unsound (classes defined before would lose their metadata), hence `??=`.
 */
const symbols = Symbol as { metadata?: symbol };
symbols.metadata ??= Symbol.for('Symbol.metadata');

let missingMetadata = false;

/** Records a property declaration on the class (or metadata object) itself, never on a parent's array. */
export function recordAttribute(target: object, declaration: AttributeDeclaration): void {
  appendRecord(target, ATTRIBUTES_KEY, declaration);
}

/** Records an index declaration on the class (or metadata object) itself. */
export function recordIndex(target: object, declaration: IndexDeclaration): void {
  appendRecord(target, INDEXES_KEY, declaration);
}

/** Records a decorator used where the library does not support it, for compileSchema to report. */
export function recordMisuse(target: object, misuse: DecoratorMisuse): void {
  appendRecord(target, MISUSES_KEY, misuse);
}

/** Records the `@Table` options of a class. */
export function recordTable(target: object, record: TableRecord): void {
  if (typeof target === 'function') Reflect.defineMetadata(TABLE_KEY, record, target);
  else (target as Record<string, unknown>)[TABLE_KEY] = record;
}

/**
 * Notes that a standard decorator ran without `context.metadata` (an emitter that predates decorator
 * metadata, or a class defined before this module set Symbol.metadata), so it could record nothing.
 */
export function noteMissingMetadata(): void {
  missingMetadata = true;
}

/** Whether some standard decorator could not record, for compileSchema's message. */
export function decoratorsLackedMetadata(): boolean {
  return missingMetadata;
}

/** The property declarations made on this class itself, in the order they were recorded. */
export function ownAttributeDeclarations(model: object): readonly AttributeDeclaration[] {
  return ownRecords<AttributeDeclaration>(model, ATTRIBUTES_KEY);
}

/** The index declarations made on this class itself. */
export function ownIndexDeclarations(model: object): readonly IndexDeclaration[] {
  return ownRecords<IndexDeclaration>(model, INDEXES_KEY);
}

/** The unsupported decorator uses recorded on this class itself. */
export function ownMisuses(model: object): readonly DecoratorMisuse[] {
  return ownRecords<DecoratorMisuse>(model, MISUSES_KEY);
}

/** The nearest `@Table` record up the class chain. */
export function tableDeclaration(model: object): TableRecord | undefined {
  for (let level: unknown = model; typeof level === 'function'; level = Object.getPrototypeOf(level)) {
    const own = ownMetadata(level);
    if (own && Object.hasOwn(own, TABLE_KEY)) return own[TABLE_KEY] as TableRecord;
    const legacy = reflectOwn(TABLE_KEY, level) as TableRecord | undefined;
    if (legacy) return legacy;
  }
  return undefined;
}

/** Whether this class's own declarations were made by standard decorators (in its metadata object). */
export function usesStandardDecorators(model: object): boolean {
  const own = ownMetadata(model);
  return own !== undefined && [ATTRIBUTES_KEY, INDEXES_KEY, TABLE_KEY].some((key) => Object.hasOwn(own, key));
}

/** The `design:type` TypeScript emitted for a property under legacy decorators, if any. */
export function designType(model: { prototype: object }, property: string): unknown {
  return hasReflectMetadata() ? Reflect.getMetadata('design:type', model.prototype, property) : undefined;
}

function appendRecord(target: object, key: string, record: object): void {
  if (typeof target === 'function') {
    const own = (Reflect.getOwnMetadata(key, target) as object[] | undefined) ?? [];
    Reflect.defineMetadata(key, [...own, record], target);
    return;
  }
  const metadata = target as Record<string, unknown>;
  const own = Object.hasOwn(metadata, key) ? (metadata[key] as object[]) : [];
  metadata[key] = [...own, record];
}

function ownRecords<T>(model: object, key: string): readonly T[] {
  const legacy = (reflectOwn(key, model) as T[] | undefined) ?? [];
  const own = ownMetadata(model);
  // the metadata object inherits its parent's keys: only the class's own count here
  const standard = own && Object.hasOwn(own, key) ? (own[key] as T[]) : [];
  return standard.length === 0 ? legacy : [...legacy, ...standard];
}

// Standard decorators need no reflect-metadata: reads work without it.
function hasReflectMetadata(): boolean {
  return typeof Reflect.getOwnMetadata === 'function';
}

function reflectOwn(key: string, model: object): unknown {
  return hasReflectMetadata() ? Reflect.getOwnMetadata(key, model) : undefined;
}

/** The class's own standard-decorator metadata object; a subclass without decorators inherits its parent's, which is not its own. */
function ownMetadata(model: object): Record<string, unknown> | undefined {
  const key = symbols.metadata!;
  if (!Object.hasOwn(model, key)) return undefined;
  const metadata: unknown = (model as Record<symbol, unknown>)[key];
  return typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>) : undefined;
}
