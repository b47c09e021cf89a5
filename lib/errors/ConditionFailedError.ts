import { nameErrorClass, OrmError } from './OrmError';
import { describeKey } from './describeKey';

/** The record type an error carries: the model's, or a plain record when the model is not known (or `any`). */
export type RecordOf<M> = 0 extends 1 & M ? Readonly<Record<string, unknown>> : M;

/**
 * A user condition (or a version check) on a write failed; `item` is the current record when the
 * engine returned it. The message names the model and the key attributes; `key` and `item` hold
 * the values, which never go into the message. `M` types `item`: narrow an error to a repository's
 * model with `ConditionFailedError.is(error, repository)`.
 */
export class ConditionFailedError<M = Readonly<Record<string, unknown>>> extends OrmError {
  static {
    nameErrorClass(this, 'ConditionFailedError');
  }

  constructor(
    readonly modelName: string,
    readonly key: Readonly<Record<string, unknown>>,
    readonly item?: RecordOf<M>,
    options?: ErrorOptions,
  ) {
    super(`${modelName}: the condition on the write to the record with the given ${describeKey(key)} failed.`, options);
  }

  /**
   * Whether `error` is a failed condition on a write of `repository`'s model (by the model's name), so that
   * its `item` is typed as that model: `if (ConditionFailedError.is(error, orders)) error.item?.status`.
   */
  static is<M>(
    error: unknown,
    repository: { readonly schema: { readonly modelName: string; readonly model: abstract new (...args: never) => M } },
  ): error is ConditionFailedError<M> {
    return isFailureOf(error, repository.schema.modelName);
  }
}

// outside the class: a class naming itself in its body is renamed by esbuild (`_ConditionFailedError`)
function isFailureOf(error: unknown, modelName: string): boolean {
  return error instanceof ConditionFailedError && error.modelName === modelName;
}
