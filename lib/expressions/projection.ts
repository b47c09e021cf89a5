import { renderPath, type AttributePath } from './AttributePath';
import type { ExpressionContext } from './ExpressionContext';

/**
 * Serialises a ProjectionExpression with the request's placeholders (`#n0, #n1`), so reserved
 * words such as `status`, `name` or `timestamp` and names with `-`, `.` or spaces are safe.
 * @example serializeProjection(['status', 'name'], context) // "#n0, #n1"
 */
export function serializeProjection(paths: readonly AttributePath[], context: ExpressionContext): string {
  return paths.map((path) => renderPath(path, context)).join(', ');
}
