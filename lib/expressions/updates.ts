import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { renderPath, type AttributePath } from './AttributePath';
import type { ExpressionContext } from './ExpressionContext';

/** An update beyond a plain SET, as data until it is serialised. */
export type UpdateNode =
  | { readonly kind: 'add'; readonly value: unknown }
  | { readonly kind: 'remove' }
  | { readonly kind: 'append' | 'prepend'; readonly values: readonly unknown[] }
  | { readonly kind: 'addToSet' | 'deleteFromSet'; readonly members: readonly unknown[] }
  | { readonly kind: 'ifNotExists'; readonly value: unknown }
  | { readonly kind: 'setIn'; readonly path: readonly (string | number)[]; readonly value: unknown }
  | { readonly kind: 'removeIn'; readonly path: readonly (string | number)[] };

/** The kinds of update action. */
export type UpdateActionKind = UpdateNode['kind'];

// a type-only mark: never set at run time
declare const actionFit: unique symbol;

/**
 * One update action on an attribute; made by `add()`, `remove()`, `append()`... `Kind` and `Arg`
 * (the value or element type it was given) let a model's update changes take it only where it fits;
 * a bare `UpdateAction` is any action.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the default is the untyped action, accepted by untyped changes
export class UpdateAction<Kind extends UpdateActionKind = UpdateActionKind, Arg = any> {
  declare readonly [actionFit]?: { readonly kind: Kind; readonly arg: Arg };

  constructor(readonly node: UpdateNode) {}
}

/** Atomically adds to a number (negative to subtract) or a bigint, or adds a Set's members to a set. */
export function add<const V extends number | bigint | ReadonlySet<unknown>>(value: V): UpdateAction<'add', V> {
  return new UpdateAction({ kind: 'add', value });
}

/** Removes an optional attribute. */
export function remove(): UpdateAction<'remove', never> {
  return new UpdateAction({ kind: 'remove' });
}

/** Appends elements to a list (an absent list starts empty). */
export function append<const E>(values: readonly E[]): UpdateAction<'append', E> {
  return new UpdateAction({ kind: 'append', values: [...values] });
}

/** Puts elements at the front of a list (an absent list starts empty). */
export function prepend<const E>(values: readonly E[]): UpdateAction<'prepend', E> {
  return new UpdateAction({ kind: 'prepend', values: [...values] });
}

/** Adds members to a set attribute (an absent set is created). */
export function addToSet<const E>(...members: E[]): UpdateAction<'addToSet', E>;
export function addToSet(...members: unknown[]): UpdateAction<'addToSet', unknown>;
export function addToSet(...members: unknown[]): UpdateAction<'addToSet', unknown> {
  return new UpdateAction({ kind: 'addToSet', members });
}

/** Deletes members from a set attribute. */
export function deleteFromSet<const E>(...members: E[]): UpdateAction<'deleteFromSet', E>;
export function deleteFromSet(...members: unknown[]): UpdateAction<'deleteFromSet', unknown>;
export function deleteFromSet(...members: unknown[]): UpdateAction<'deleteFromSet', unknown> {
  return new UpdateAction({ kind: 'deleteFromSet', members });
}

/** Sets the attribute only if it is absent. */
export function ifNotExists<const V>(value: V): UpdateAction<'ifNotExists', V> {
  return new UpdateAction({ kind: 'ifNotExists', value });
}

/**
 * Sets a value inside a map or list attribute: `{ address: setIn(['city'], 'Paris') }`.
 * The maps on the way must exist.
 */
export function setIn(path: readonly (string | number)[], value: unknown): UpdateAction<'setIn', unknown> {
  return new UpdateAction({ kind: 'setIn', path: [...path], value });
}

/** Removes a value inside a map or list attribute: `{ address: removeIn(['zip']) }`. */
export function removeIn(path: readonly (string | number)[]): UpdateAction<'removeIn', unknown> {
  return new UpdateAction({ kind: 'removeIn', path: [...path] });
}

/** The clauses of an update expression, filled action by action. */
export class UpdateClauses {
  readonly set: string[] = [];
  readonly remove: string[] = [];
  readonly add: string[] = [];
  readonly delete: string[] = [];

  /** `SET a = :v, ... REMOVE ... ADD ... DELETE ...`, leaving out empty clauses. */
  render(): string {
    const clauses: [string, string[]][] = [
      ['SET', this.set],
      ['REMOVE', this.remove],
      ['ADD', this.add],
      ['DELETE', this.delete],
    ];
    return clauses
      .filter(([, parts]) => parts.length > 0)
      .map(([word, parts]) => `${word} ${parts.join(', ')}`)
      .join(' ');
  }
}

/**
 * Serialises one action on an attribute into `clauses`: `attribute` is its stored name, `inside`
 * gives the stored path of a `setIn` / `removeIn` path below it, and `encoded` the AttributeValue of
 * the action's value (already checked against the schema by the caller).
 */
export function serializeUpdate(
  attribute: string,
  action: Pick<UpdateAction, 'node'>,
  clauses: UpdateClauses,
  context: ExpressionContext,
  encoded: (node: UpdateNode) => AttributeValue,
  inside: (path: readonly (string | number)[]) => AttributePath,
): void {
  const node = action.node;
  const name = renderPath(attribute, context);
  switch (node.kind) {
    case 'add':
    case 'addToSet':
      clauses.add.push(`${name} ${context.value(encoded(node))}`);
      return;
    case 'deleteFromSet':
      clauses.delete.push(`${name} ${context.value(encoded(node))}`);
      return;
    case 'remove':
      clauses.remove.push(name);
      return;
    case 'append':
    case 'prepend': {
      const list = `if_not_exists(${name}, ${context.value({ L: [] })})`;
      const values = context.value(encoded(node));
      clauses.set.push(
        `${name} = list_append(${node.kind === 'append' ? `${list}, ${values}` : `${values}, ${list}`})`,
      );
      return;
    }
    case 'ifNotExists':
      clauses.set.push(`${name} = if_not_exists(${name}, ${context.value(encoded(node))})`);
      return;
    case 'setIn':
      clauses.set.push(`${renderPath(inside(node.path), context)} = ${context.value(encoded(node))}`);
      return;
    case 'removeIn':
      clauses.remove.push(renderPath(inside(node.path), context));
      return;
  }
}
