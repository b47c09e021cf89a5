import type { CompiledAttribute, CompiledShape } from './CompiledSchema';
import { shapeOf } from './shapeOf';

/** Where a path leads: a declared attribute, one element of a list of a class, or inside an untyped list or map. */
export type PathTarget =
  | { readonly kind: 'attribute'; readonly attribute: CompiledAttribute }
  | { readonly kind: 'element'; readonly list: CompiledAttribute }
  | { readonly kind: 'untyped' };

/** A path that leads somewhere: the names DynamoDB knows at each step, and what is there. */
export interface ResolvedPath {
  /** The path with each declared attribute's stored name (list positions and untyped map keys as given). */
  readonly storedPath: readonly (string | number)[];
  readonly target: PathTarget;
}

/** A path that does not: why, and the position of the segment where it stops. */
export interface UnresolvedPath {
  readonly problem: string;
  readonly at: number;
}

/**
 * Follows a path of property names and list positions (`['ship_to', 'city']`, `['lines', 0, 'sku']`)
 * through a model's attributes, into nested classes and then into untyped lists and maps.
 */
export function resolvePath(shape: CompiledShape, path: readonly unknown[]): ResolvedPath | UnresolvedPath {
  return follow(shape, undefined, [], path);
}

/** Like `resolvePath`, below an attribute: the path of a `setIn` or `removeIn` inside it. */
export function resolvePathIn(
  shape: CompiledShape,
  attribute: CompiledAttribute,
  path: readonly unknown[],
): ResolvedPath | UnresolvedPath {
  return follow(shape, { kind: 'attribute', attribute }, [attribute.storedName], path);
}

function follow(
  shape: CompiledShape,
  start: PathTarget | undefined,
  prefix: readonly (string | number)[],
  path: readonly unknown[],
): ResolvedPath | UnresolvedPath {
  const storedPath: (string | number)[] = [...prefix];
  let target: PathTarget | undefined = start;
  for (const [at, segment] of path.entries()) {
    const step = next(target, shape, segment);
    if (typeof step === 'string') return { problem: step, at };
    target = step.target;
    storedPath.push(step.stored);
  }
  return target && path.length > 0 ? { storedPath, target } : { problem: 'is empty', at: 0 };
}

function next(
  target: PathTarget | undefined,
  root: CompiledShape,
  segment: unknown,
): string | { target: PathTarget; stored: string | number } {
  const isName = typeof segment === 'string' && segment !== '';
  const isPosition = Number.isSafeInteger(segment) && (segment as number) >= 0;
  if (!isName && !isPosition) return 'must be a non-empty name or a list position';
  if (!target) return named(root, segment) ?? 'is not an attribute of the model';
  if (target.kind === 'untyped') return { target, stored: segment as string | number };
  if (target.kind === 'element') return named(shapeOf(target.list.nested!), segment) ?? notIn(target.list);
  const { attribute } = target;
  if (attribute.converter) return `is inside ${attribute.name}, whose value a converter stores: it has no nested path`;
  if (attribute.nested && attribute.type === 'map')
    return named(shapeOf(attribute.nested), segment) ?? notIn(attribute);
  if (attribute.type === 'list') {
    if (!isPosition) return `is inside the list ${attribute.name}: it takes a list position`;
    const element: PathTarget = attribute.nested ? { kind: 'element', list: attribute } : { kind: 'untyped' };
    return { target: element, stored: segment as number };
  }
  if (attribute.type === 'map') {
    if (!isName) return `is inside the map ${attribute.name}: it takes a name`;
    return { target: { kind: 'untyped' }, stored: segment };
  }
  return `has no nested attributes (${attribute.name} is a ${attribute.type})`;
}

function named(shape: CompiledShape, segment: unknown): { target: PathTarget; stored: string } | undefined {
  const attribute = typeof segment === 'string' ? shape.attributeByName.get(segment) : undefined;
  return attribute && { target: { kind: 'attribute', attribute }, stored: attribute.storedName };
}

function notIn(attribute: CompiledAttribute): string {
  return `is not an attribute of ${attribute.nested?.name ?? 'the nested class'} (in ${attribute.name})`;
}
