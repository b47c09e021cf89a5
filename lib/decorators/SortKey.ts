import type { KeyOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';
import { appliedWithoutParentheses, copied, propertyDecorator } from './decorate';
import type { CheckedPropertyDecorator, KeyRule, LifecycleRule } from '../types/decorators';

/**
 * Marks the property that is the table's sort (range) key. Its type is `options.type` when given, else read
 * from `design:type` (legacy decorators with `emitDecoratorMetadata`); standard decorators need `type`.
 * @example `@SortKey({ type: 'string' }) id!: string;`
 */
export function SortKey(
  options: KeyOptions & { readonly template: string },
): CheckedPropertyDecorator<LifecycleRule<'@SortKey', 'managed'>>;
export function SortKey(options?: KeyOptions): CheckedPropertyDecorator<KeyRule<'@SortKey'>>;
export function SortKey(...args: unknown[]): unknown {
  if (appliedWithoutParentheses('@SortKey', args)) return undefined;
  const options = copied(args[0]);
  return propertyDecorator('@SortKey', (target, property) =>
    recordAttribute(target, { property, decorator: '@SortKey', options, key: 'sort' }),
  );
}
