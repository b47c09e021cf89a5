import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';
import { appliedWithoutParentheses, copied, propertyDecorator, type ModelPropertyDecorator } from './decorate';

/**
 * Declares a string attribute whose value must be one of `values`; `enumsOf` turns the list into an enum.
 * Its type is 'string' without being given.
 * @example `@Categorical(['PARENT', 'FRIEND'] as const) relationship!: string;`
 */
export function Categorical(
  values: readonly string[],
  options?: Pick<AttributeOptions, 'type' | 'optional' | 'name' | 'default'>,
): ModelPropertyDecorator;
export function Categorical(...args: unknown[]): ModelPropertyDecorator | undefined {
  if (appliedWithoutParentheses('@Categorical', args)) return undefined;
  const [values, options] = args.map(copied);
  return propertyDecorator('@Categorical', (target, property) =>
    recordAttribute(target, { property, decorator: '@Categorical', options, categorical: values }),
  );
}
