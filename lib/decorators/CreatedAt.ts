import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';
import { appliedWithoutParentheses, copied, propertyDecorator, type ModelPropertyDecorator } from './decorate';

/** Declares the attribute that holds the time the record was created, set by createRecord; a Date unless `type` says 'string' (ISO) or 'number' (epoch ms). */
export function CreatedAt(options?: Pick<AttributeOptions, 'type' | 'name' | 'storage'>): ModelPropertyDecorator;
export function CreatedAt(...args: unknown[]): ModelPropertyDecorator | undefined {
  if (appliedWithoutParentheses('@CreatedAt', args)) return undefined;
  const options = copied(args[0]);
  return propertyDecorator('@CreatedAt', (target, property) =>
    recordAttribute(target, { property, decorator: '@CreatedAt', options, role: 'createdAt' }),
  );
}
