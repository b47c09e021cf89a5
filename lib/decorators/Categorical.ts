import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';
import { appliedWithoutParentheses, copied, propertyDecorator } from './decorate';
import type { AttributeRule, CheckedPropertyDecorator, ExactOptions } from '../types/decorators';

/**
 * Declares a string attribute whose value must be one of `values`; `enumsOf` turns the list into an enum.
 * Its type is 'string' without being given.
 * @example `@Categorical(['PARENT', 'FRIEND'] as const) relationship!: string;`
 */
export function Categorical<const V extends readonly string[], const O extends AttributeOptions = object>(
  values: V,
  options?: ExactOptions<O, AttributeOptions>,
): CheckedPropertyDecorator<AttributeRule<'@Categorical', O, V[number]>>;
export function Categorical(...args: unknown[]): unknown {
  if (appliedWithoutParentheses('@Categorical', args)) return undefined;
  const [values, options] = args.map(copied);
  return propertyDecorator('@Categorical', (target, property) =>
    recordAttribute(target, { property, decorator: '@Categorical', options, categorical: values }),
  );
}
