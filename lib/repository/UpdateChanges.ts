import type { UpdateAction } from '../expressions/updates';

type DataKeys<M> = { [K in keyof M]-?: M[K] extends (...args: never[]) => unknown ? never : K }[keyof M];

/**
 * What `updateRecord` takes: for each attribute to change, a value, `null` (remove an optional
 * attribute), an update action such as `add(1)`, or a list of actions.
 */
export type UpdateChanges<M> = { readonly [K in DataKeys<M>]?: M[K] | null | UpdateAction | readonly UpdateAction[] };
