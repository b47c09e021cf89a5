import { nameErrorClass, OrmError } from '../errors/OrmError';
import type { EngineName } from './RunningEngine';

/** Options of {@link EngineError}: the standard `cause`, plus the engine concerned. */
export interface EngineErrorOptions extends ErrorOptions {
  engine?: EngineName;
}

/**
 * A local engine could not be started or stopped (missing package or Java, early exit, timeout), or a
 * test found no engine to talk to. Like every error of the library it is an OrmError (the one import
 * engines make of ours). Exported by `dynamodb-decorators/testing`.
 */
export class EngineError extends OrmError {
  static {
    nameErrorClass(this, 'EngineError');
  }

  readonly engine: EngineName | undefined;

  constructor(message: string, options: EngineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.engine = options.engine;
  }
}
