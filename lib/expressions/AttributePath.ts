import type { ExpressionContext } from './ExpressionContext';

/**
 * A path to an attribute: one atomic name (`'a.b'` is one attribute, never split), or an
 * array of segments into maps (strings) and lists (numbers): `['address', 'city']`, `['tags', 0]`.
 */
export type AttributePath = string | readonly (string | number)[];

/** The segments of a path. */
export function segmentsOf(path: AttributePath): readonly (string | number)[] {
  return typeof path === 'string' ? [path] : path;
}

/** The top-level attribute a path starts at. */
export function rootOf(path: AttributePath): string {
  return String(segmentsOf(path)[0]);
}

/** Renders a path with a placeholder per name segment: `#n0.#n1[2]`. */
export function renderPath(path: AttributePath, context: ExpressionContext): string {
  return segmentsOf(path)
    .map((segment, position) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const alias = context.name(segment);
      return position === 0 ? alias : `.${alias}`;
    })
    .join('');
}

/** A readable form of a path for messages: `address.city`, `tags[0]`. */
export function describePath(path: AttributePath): string {
  return segmentsOf(path)
    .map((segment, position) =>
      typeof segment === 'number' ? `[${segment}]` : position === 0 ? segment : `.${segment}`,
    )
    .join('');
}
