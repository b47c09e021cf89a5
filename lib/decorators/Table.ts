import { recordTable } from '../metadata/store';
import type { TableDeclaration } from '../metadata/declarations';

/**
 * Names the DynamoDB table a model class is stored in.
 * @example `@Table({ name: 'phonebook-table' }) class PhoneData { ... }`
 */
export function Table(declaration: TableDeclaration): ClassDecorator {
  return (model) => recordTable(model, { ...declaration });
}
