import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { codecOf } from './compileCodec';

/** Converts validated record values to a DynamoDB item; missing and null optional values are not stored. */
export function toItem(
  schema: CompiledSchema,
  values: Readonly<Record<string, unknown>>,
): Record<string, AttributeValue> {
  return codecOf(schema).encode(values);
}
