import type { IndexDeclaration } from '../metadata/declarations';
import { recordAttribute, recordIndex } from '../metadata/store';

/**
 * The decorator behind `@GlobalIndex` and `@LocalIndex`: on a class it records the options as
 * given; on a property it records the property as the index key named by `propertyIs` (and as
 * an attribute, so an index key needs no `@Attribute()`).
 */
export function indexDecorator(
  declaration: Omit<IndexDeclaration, 'property'>,
  propertyIs: 'partitionKey' | 'sortKey',
): ClassDecorator & PropertyDecorator {
  return (target: object, property?: string | symbol) => {
    if (property === undefined) {
      recordIndex(target, declaration);
      return;
    }
    const model = target.constructor;
    recordAttribute(model, { property: String(property) });
    recordIndex(model, { ...declaration, [propertyIs]: String(property), property: String(property) });
  };
}
