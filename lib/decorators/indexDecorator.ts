import { recordAttribute, recordIndex } from '../metadata/store';
import {
  appliedWithoutParentheses,
  classOrPropertyDecorator,
  copied,
  type ModelClassOrPropertyDecorator,
} from './decorate';

/**
 * The decorator behind `@GlobalIndex` and `@LocalIndex`, built from the factory's arguments: on a
 * class it records the index as given; on a property, the index with the property as its key, and
 * the property as an attribute (so an index key needs no `@Attribute()`). Undefined when the factory
 * itself was applied as a decorator (recorded as a misuse).
 */
export function indexDecorator(
  kind: 'global' | 'local',
  args: readonly unknown[],
): ModelClassOrPropertyDecorator | undefined {
  const decoratorName = kind === 'global' ? '@GlobalIndex' : '@LocalIndex';
  if (appliedWithoutParentheses(decoratorName, args)) return undefined;
  const [name, options] = args.map(copied);
  return classOrPropertyDecorator(decoratorName, (target, property) => {
    if (property !== undefined) recordAttribute(target, { property, decorator: decoratorName });
    recordIndex(target, { kind, name, options, ...(property !== undefined && { property }) });
  });
}
