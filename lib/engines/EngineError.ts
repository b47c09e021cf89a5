import type { EngineName } from './RunningEngine';

/** Options of {@link EngineError}: the standard `cause`, plus the engine concerned. */
export interface EngineErrorOptions extends ErrorOptions {
  engine?: EngineName;
}

/** A local engine could not be started or stopped (missing package or Java, early exit, timeout). */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly engine: EngineName | undefined;

  constructor(message: string, options: EngineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.engine = options.engine;
  }
}
