/** Base class of every error this library throws; `name` is the concrete class's name. */
export class OrmError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
