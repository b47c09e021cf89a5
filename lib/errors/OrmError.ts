/** Base class of every error this library throws; `name` is the concrete class's name. */
export class OrmError extends Error {
  static {
    nameErrorClass(this, 'OrmError');
  }

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    // The name a class of ours states survives a bundler that renames classes (esbuild bundles
    // RecordNotFoundError as RecordNotFoundError2) or a minifier; a user's subclass goes by its own.
    this.name = Object.hasOwn(new.target.prototype, 'name') ? new.target.prototype.name : new.target.name;
  }
}

/** States an error class's name (on its prototype), which {@link OrmError} gives its instances. */
export function nameErrorClass(errorClass: abstract new (...args: never[]) => Error, name: string): void {
  Object.defineProperty(errorClass.prototype, 'name', { value: name, writable: true, configurable: true });
}
