import type { TableDeclaration } from '../metadata/declarations';
import { recordTable } from '../metadata/store';
import { appliedWithoutParentheses, classDecorator, copied } from './decorate';
import type { CheckedClassDecorator } from '../types/decorators';

/**
 * Names the DynamoDB table a model class is stored in.
 * @example `@Table({ name: 'phonebook-table' }) class PhoneData { ... }`
 */
export function Table(declaration: TableDeclaration): CheckedClassDecorator;
export function Table(...args: unknown[]): unknown {
  if (appliedWithoutParentheses('@Table', args)) return undefined;
  const options = copied(args[0]);
  return classDecorator('@Table', (target) => recordTable(target, { options }));
}
