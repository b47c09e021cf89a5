import type { KeyOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';
import { appliedWithoutParentheses, copied, propertyDecorator } from './decorate';
import type { CheckedPropertyDecorator, KeyRule, LifecycleRule } from '../types/decorators';

/**
 * Marks the property that is the table's partition (hash) key. Its type is `options.type` when given, else read
 * from `design:type` (legacy decorators with `emitDecoratorMetadata`); standard decorators need `type`.
 * @example `@PartitionKey({ type: 'string' }) id!: string;`
 */
export function PartitionKey(
  options: KeyOptions & { readonly template: string },
): CheckedPropertyDecorator<LifecycleRule<'@PartitionKey', 'managed'>>;
export function PartitionKey(options?: KeyOptions): CheckedPropertyDecorator<KeyRule<'@PartitionKey'>>;
export function PartitionKey(...args: unknown[]): unknown {
  if (appliedWithoutParentheses('@PartitionKey', args)) return undefined;
  const options = copied(args[0]);
  return propertyDecorator('@PartitionKey', (target, property) =>
    recordAttribute(target, { property, decorator: '@PartitionKey', options, key: 'partition' }),
  );
}
