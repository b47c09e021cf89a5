import 'reflect-metadata';
import { ATTRIBUTES_KEY, TABLE_KEY } from '../../../lib/metadata/keys';
import { ownAttributeDeclarations, recordAttribute, recordTable, tableDeclaration } from '../../../lib/metadata/store';

describe('metadata store', () => {
  it('uses namespaced keys', () => {
    expect(TABLE_KEY).toBe('dynamodb-decorators:table');
    expect(ATTRIBUTES_KEY).toBe('dynamodb-decorators:attributes');
  });

  it('appends declarations in order, writing a new array each time', () => {
    class Model {}
    recordAttribute(Model, { property: 'a' });
    const first = ownAttributeDeclarations(Model);
    recordAttribute(Model, { property: 'b', key: 'partition' });
    expect(first).toEqual([{ property: 'a' }]);
    expect(ownAttributeDeclarations(Model)).toEqual([{ property: 'a' }, { property: 'b', key: 'partition' }]);
  });

  it("keeps a subclass's declarations off its parent", () => {
    class Parent {}
    class Child extends Parent {}
    recordAttribute(Parent, { property: 'p' });
    recordAttribute(Child, { property: 'c' });
    expect(ownAttributeDeclarations(Parent)).toEqual([{ property: 'p' }]);
    expect(ownAttributeDeclarations(Child)).toEqual([{ property: 'c' }]);
  });

  it('reads no declarations from a class that has none, even when its parent has some', () => {
    class Plain {}
    class Declared {}
    recordAttribute(Declared, { property: 'x' });
    class ChildOfDeclared extends Declared {}
    expect(ownAttributeDeclarations(Plain)).toEqual([]);
    expect(ownAttributeDeclarations(ChildOfDeclared)).toEqual([]);
  });

  it('finds the nearest @Table up the class chain', () => {
    class Parent {}
    class Child extends Parent {}
    class Grandchild extends Child {}
    recordTable(Parent, { name: 'parent-table' });
    recordTable(Child, { name: 'child-table' });
    expect(tableDeclaration(Parent)).toEqual({ name: 'parent-table' });
    expect(tableDeclaration(Grandchild)).toEqual({ name: 'child-table' });
    expect(tableDeclaration(class Undecorated {})).toBeUndefined();
  });
});
