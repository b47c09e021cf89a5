import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';
import type { AttributeRule, CheckedPropertyDecorator, DefaultedOptions, OptionalOptions } from '../types/decorators';
import { appliedWithoutParentheses, copied, propertyDecorator } from './decorate';

/** What `@Categorical` takes besides its values (its type is always a string). */
type CategoricalOptions = Pick<AttributeOptions, 'type' | 'optional' | 'name' | 'default'>;

/**
 * Declares a string attribute whose value must be one of `values`; `enumsOf` turns the list into an enum.
 * Its type is 'string' without being given.
 * @example `@Categorical(['PARENT', 'FRIEND'] as const) relationship!: string;`
 */
export function Categorical<const V extends readonly string[]>(
  values: V,
  options: OptionalOptions<DefaultedOptions<CategoricalOptions>>,
): CheckedPropertyDecorator<AttributeRule<'@Categorical', true, true, V[number]>>;
export function Categorical<const V extends readonly string[]>(
  values: V,
  options: OptionalOptions<CategoricalOptions>,
): CheckedPropertyDecorator<AttributeRule<'@Categorical', true, false, V[number]>>;
export function Categorical<const V extends readonly string[]>(
  values: V,
  options: DefaultedOptions<CategoricalOptions>,
): CheckedPropertyDecorator<AttributeRule<'@Categorical', false, true, V[number]>>;
export function Categorical<const V extends readonly string[]>(
  values: V,
  options?: CategoricalOptions,
): CheckedPropertyDecorator<AttributeRule<'@Categorical', false, false, V[number]>>;
export function Categorical(...args: unknown[]): unknown {
  if (appliedWithoutParentheses('@Categorical', args)) return undefined;
  const [values, options] = args.map(copied);
  return propertyDecorator('@Categorical', (target, property) =>
    recordAttribute(target, { property, decorator: '@Categorical', options, categorical: values }),
  );
}
