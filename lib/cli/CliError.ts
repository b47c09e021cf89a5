/**
 * A failure the command line reports as one message and exit code 2 (a module that cannot be
 * loaded or exports no model, a bad option): its message says what to do, without a stack.
 */
export class CliError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CliError';
  }
}
