import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { isConditionalCheckFailed, translateAwsError, type WriteContext } from '../errors/translateAwsError';
import type { Operations } from '../pipeline/operations';
import type { Pipeline } from '../pipeline/Pipeline';
import { buildGetRecord } from '../requests/buildGetRecord';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { foreignItemError } from '../validation/checkEntity';
import { decodeCurrent } from './decodeCurrent';
import type { PreparedWrite } from './prepareWrites';

type WriteOperation = 'PutItem' | 'UpdateItem' | 'DeleteItem';

const CALLS: Readonly<Record<WriteContext['operation'], string>> = {
  create: 'createRecord',
  put: 'putRecord',
  update: 'updateRecord',
  delete: 'deleteRecord',
};

/**
 * Sends a single-item write and names a failed condition as the error it means here. When the
 * write carried more than an existence check and the engine did not return the current item,
 * one consistent read tells "absent" from "condition not met".
 * @throws RecordExistsError, RecordNotFoundError or ConditionFailedError for a failed condition
 *   (the SDK error as `cause`); SetupErrors and other errors as the pipeline throws them.
 * @throws EntityMismatchError when the item at the key is another entity's (a create: RecordExistsError).
 */
export async function sendWrite<O extends WriteOperation>(
  pipeline: Pipeline,
  schema: CompiledSchema,
  kind: WriteContext['operation'],
  operation: O,
  input: Operations[O]['input'],
  write: PreparedWrite<unknown>,
  call = CALLS[kind],
): Promise<Operations[O]['output']> {
  const tableName = input.TableName ?? '';
  const target = { call, table: tableName, key: write.keyValues };
  try {
    return await pipeline.send(operation, input, target);
  } catch (error) {
    const context: WriteContext = {
      operation: kind,
      modelName: schema.modelName,
      key: write.keyValues,
      checked: write.checked,
    };
    if (!isConditionalCheckFailed(error) || !write.checked) throw translateAwsError(error, context);
    const returned = (error as { Item?: Record<string, AttributeValue> }).Item;
    // a create's error says "taken" or "condition failed", never what the existing record holds
    if (kind === 'create') delete (error as { Item?: unknown }).Item;
    const current =
      returned ?? (await pipeline.send('GetItem', buildGetRecord(tableName, write.key, true), target)).Item;
    // another entity's item is neither changed nor read as this model's record: a create finds its key taken
    const foreign = current && foreignItemError(schema, current, write.keyValues, { cause: error });
    if (foreign) {
      delete (error as { Item?: unknown }).Item;
      throw kind === 'create' ? translateAwsError(error, context, {}) : foreign;
    }
    throw translateAwsError(error, context, current ? decodeCurrent(schema, current, error) : null);
  }
}
