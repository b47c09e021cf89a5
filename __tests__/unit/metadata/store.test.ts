import 'reflect-metadata';
import type { AttributeDeclaration } from '../../../lib/metadata/declarations';
import { ATTRIBUTES_KEY, TABLE_KEY } from '../../../lib/metadata/keys';
import {
  ownAttributeDeclarations,
  recordAttribute,
  recordTable,
  tableDeclaration,
  usesStandardDecorators,
} from '../../../lib/metadata/store';

const declared = (property: string): AttributeDeclaration => ({ property, decorator: '@Attribute' });
const metadataSymbol = (Symbol as { metadata?: symbol }).metadata!;

/** What a standard-decorator emitter does for a class: a metadata object inheriting the parent's, stored on the class. */
function withMetadata<C extends abstract new (...args: never) => unknown>(model: C): Record<string, unknown> {
  const parent = Object.getPrototypeOf(model) as Record<symbol, object | undefined>;
  const metadata = Object.create(parent[metadataSymbol] ?? null) as Record<string, unknown>;
  Object.defineProperty(model, metadataSymbol, {
    value: metadata,
    enumerable: true,
    configurable: true,
    writable: true,
  });
  return metadata;
}

describe('metadata store', () => {
  it('uses namespaced keys', () => {
    expect(TABLE_KEY).toBe('dynamodb-decorators:table');
    expect(ATTRIBUTES_KEY).toBe('dynamodb-decorators:attributes');
  });

  it('defines Symbol.metadata as the registered symbol esbuild, Babel, swc and core-js fall back to', () => {
    expect(metadataSymbol).toBe(Symbol.for('Symbol.metadata'));
  });

  it('appends declarations in order, writing a new array each time', () => {
    class Model {}
    recordAttribute(Model, declared('a'));
    const first = ownAttributeDeclarations(Model);
    recordAttribute(Model, { ...declared('b'), key: 'partition' });
    expect(first).toEqual([declared('a')]);
    expect(ownAttributeDeclarations(Model)).toEqual([declared('a'), { ...declared('b'), key: 'partition' }]);
  });

  it("keeps a subclass's declarations off its parent", () => {
    class Parent {}
    class Child extends Parent {}
    recordAttribute(Parent, declared('p'));
    recordAttribute(Child, declared('c'));
    expect(ownAttributeDeclarations(Parent)).toEqual([declared('p')]);
    expect(ownAttributeDeclarations(Child)).toEqual([declared('c')]);
  });

  it('reads no declarations from a class that has none, even when its parent has some', () => {
    class Plain {}
    class Declared {}
    recordAttribute(Declared, declared('x'));
    class ChildOfDeclared extends Declared {}
    expect(ownAttributeDeclarations(Plain)).toEqual([]);
    expect(ownAttributeDeclarations(ChildOfDeclared)).toEqual([]);
  });

  it('finds the nearest @Table up the class chain', () => {
    class Parent {}
    class Child extends Parent {}
    class Grandchild extends Child {}
    recordTable(Parent, { options: { name: 'parent-table' } });
    recordTable(Child, { options: { name: 'child-table' } });
    expect(tableDeclaration(Parent)).toEqual({ options: { name: 'parent-table' } });
    expect(tableDeclaration(Grandchild)).toEqual({ options: { name: 'child-table' } });
    expect(tableDeclaration(class Undecorated {})).toBeUndefined();
  });
});

describe('metadata store under standard decorators (records in the class metadata object)', () => {
  it("reads a class's own records only: its metadata object inherits the parent's keys", () => {
    class Parent {}
    class Child extends Parent {}
    const parentMetadata = withMetadata(Parent);
    recordAttribute(parentMetadata, declared('p'));
    const childMetadata = withMetadata(Child);
    expect(childMetadata[ATTRIBUTES_KEY]).toEqual([declared('p')]); // inherited through the prototype
    expect(ownAttributeDeclarations(Child)).toEqual([]);
    recordAttribute(childMetadata, declared('c'));
    expect(ownAttributeDeclarations(Parent)).toEqual([declared('p')]);
    expect(ownAttributeDeclarations(Child)).toEqual([declared('c')]);
  });

  it("reads nothing of a subclass without decorators, which inherits its parent's Symbol.metadata as a static", () => {
    class Parent {}
    recordAttribute(withMetadata(Parent), declared('p'));
    class Plain extends Parent {}
    expect(ownAttributeDeclarations(Plain)).toEqual([]);
    expect(usesStandardDecorators(Parent)).toBe(true);
    expect(usesStandardDecorators(Plain)).toBe(false);
  });

  it('finds the nearest @Table, whether recorded in metadata or through Reflect', () => {
    class Parent {}
    class Child extends Parent {}
    class Grandchild extends Child {}
    recordTable(withMetadata(Parent), { options: { name: 'parent-table' } });
    withMetadata(Child);
    expect(tableDeclaration(Grandchild)).toEqual({ options: { name: 'parent-table' } });
    recordTable(Child, { options: { name: 'child-table' } });
    expect(tableDeclaration(Grandchild)).toEqual({ options: { name: 'child-table' } });
  });
});
