import { ATTRIBUTES_KEY, INDEXES_KEY, TABLE_KEY } from './keys';
import type { AttributeDeclaration, IndexDeclaration, TableDeclaration } from './declarations';

// The only module that calls Reflect.*: decorators write through it, compileSchema reads.

/** Records a property declaration on the class itself, never on a parent's array. */
export function recordAttribute(model: object, declaration: AttributeDeclaration): void {
  const own = ownAttributeDeclarations(model);
  Reflect.defineMetadata(ATTRIBUTES_KEY, [...own, declaration], model);
}

/** Records an index declaration on the class itself. */
export function recordIndex(model: object, declaration: IndexDeclaration): void {
  Reflect.defineMetadata(INDEXES_KEY, [...ownIndexDeclarations(model), declaration], model);
}

/** The index declarations made on this class itself. */
export function ownIndexDeclarations(model: object): readonly IndexDeclaration[] {
  return (Reflect.getOwnMetadata(INDEXES_KEY, model) as IndexDeclaration[] | undefined) ?? [];
}

/** Records the `@Table` declaration of a class. */
export function recordTable(model: object, declaration: TableDeclaration): void {
  Reflect.defineMetadata(TABLE_KEY, declaration, model);
}

/** The property declarations made on this class itself, in the order they were recorded. */
export function ownAttributeDeclarations(model: object): readonly AttributeDeclaration[] {
  return (Reflect.getOwnMetadata(ATTRIBUTES_KEY, model) as AttributeDeclaration[] | undefined) ?? [];
}

/** The nearest `@Table` declaration up the class chain. */
export function tableDeclaration(model: object): TableDeclaration | undefined {
  return Reflect.getMetadata(TABLE_KEY, model) as TableDeclaration | undefined;
}

/** The `design:type` TypeScript emitted for a property, if any. */
export function designType(model: { prototype: object }, property: string): unknown {
  return Reflect.getMetadata('design:type', model.prototype, property);
}
