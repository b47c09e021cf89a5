import { UpdateAction, type UpdateNode } from '../expressions/updates';
import { describePath } from '../expressions/AttributePath';
import type { CompiledAttribute, CompiledShape } from '../schema/CompiledSchema';
import { resolvePathIn } from '../schema/resolvePath';
import { checkType, checkValue } from './checkValue';
import { nestedElementProblem } from './typeRules';

/**
 * What is wrong with one change of `updateRecord` to an attribute as a change: a key or a
 * library-maintained attribute, `null` on a required one, an update action (`add(1)`,
 * `append([...])`...) or an array of them that does not fit; undefined otherwise (a value to set is
 * then checked as a value, by checkAttributeValue).
 */
export function checkChange(schema: CompiledShape, attribute: CompiledAttribute, change: unknown): string | undefined {
  if (attribute.key) return `cannot be updated (it is the ${attribute.key} key)`;
  if (attribute.role === 'createdAt') return 'cannot be updated (it is the @CreatedAt time)';
  if (attribute.role === 'updatedAt') return 'is set by every write (it is the @UpdatedAt time)';
  if (attribute.role === 'version') {
    return 'is maintained by the library (it is the @Version): to require the version you read, pass it as the expectedVersion option';
  }
  if (change === null) return attribute.optional ? undefined : 'cannot be removed (it is required)';
  if (change instanceof UpdateAction) return checkAction(schema, attribute, change.node);
  if (Array.isArray(change) && change.length > 0 && change.every((each) => each instanceof UpdateAction)) {
    return (
      checkNestedActions(change) ??
      change
        .map((each: UpdateAction) => checkAction(schema, attribute, each.node))
        .find((problem) => problem !== undefined)
    );
  }
  return undefined; // a value to set: checkAttributeValue checks it, nested values and all
}

/** DynamoDB rejects two changes to overlapping paths in one update: only setIn/removeIn on distinct paths combine. */
function checkNestedActions(actions: readonly UpdateAction[]): string | undefined {
  const paths: (readonly (string | number)[])[] = [];
  for (const { node } of actions) {
    if (node.kind !== 'setIn' && node.kind !== 'removeIn')
      return 'takes several actions only as setIn() / removeIn() on distinct paths (DynamoDB rejects overlapping changes)';
    paths.push(node.path);
  }
  const isPrefix = (short: readonly unknown[], long: readonly unknown[]) =>
    short.length <= long.length && short.every((segment, at) => long[at] === segment);
  const overlapping = paths.some((path, index) =>
    paths.some((other, otherIndex) => otherIndex !== index && isPrefix(path, other)),
  );
  return overlapping ? 'has setIn() / removeIn() paths that overlap (DynamoDB rejects that)' : undefined;
}

function checkAction(schema: CompiledShape, attribute: CompiledAttribute, node: UpdateNode): string | undefined {
  const { type } = attribute;
  // a converter stores a value whole: it is set or removed, never changed in place
  if (attribute.converter && node.kind !== 'remove')
    return `${node.kind}() cannot change a converted attribute in place: set it whole`;
  const isSet = type === 'stringSet' || type === 'numberSet' || type === 'binarySet';
  switch (node.kind) {
    case 'add': {
      if (type !== 'number' && type !== 'bigint' && !isSet) return `add() needs a number or set attribute, not ${type}`;
      const problem = checkType(attribute, node.value);
      return problem && `add() ${problem}`;
    }
    case 'remove':
      return attribute.optional ? undefined : 'cannot be removed (it is required)';
    case 'append':
    case 'prepend':
      if (type !== 'list') return `${node.kind}() needs a list attribute, not ${type}`;
      if (node.values.length === 0) return `${node.kind}() needs at least one element`;
      return checkType(attribute, node.values);
    case 'addToSet':
    case 'deleteFromSet': {
      if (!isSet) return `${node.kind}() needs a set attribute, not ${type}`;
      // DynamoDB removes a set whose last member is deleted: a required set must not risk that
      if (node.kind === 'deleteFromSet' && !attribute.optional)
        return 'deleteFromSet() could remove the last member of a required set (declare it optional)';
      const problem = checkType(attribute, new Set(node.members));
      return problem && `${node.kind}() ${problem}`;
    }
    case 'ifNotExists':
      return checkValue(attribute, node.value);
    case 'setIn':
    case 'removeIn':
      return checkPathAction(schema, attribute, node);
  }
}

/** A setIn / removeIn: its path inside the attribute (through nested classes), and a value that fits what is there. */
function checkPathAction(
  schema: CompiledShape,
  attribute: CompiledAttribute,
  node: Extract<UpdateNode, { kind: 'setIn' | 'removeIn' }>,
): string | undefined {
  const { type } = attribute;
  if (type !== 'map' && type !== 'list') return `${node.kind}() needs a map or list attribute, not ${type}`;
  if (node.path.length === 0) return `${node.kind}() needs a path of names and list positions`;
  const resolved = resolvePathIn(schema, attribute, node.path);
  if (!('target' in resolved)) {
    return `${node.kind}() path ${describePath(node.path.slice(0, resolved.at + 1))} ${resolved.problem}`;
  }
  const { target } = resolved;
  if (node.kind === 'removeIn') {
    const required = target.kind === 'attribute' && !target.attribute.optional;
    return required ? `removeIn() cannot remove ${target.attribute.name}: it is required` : undefined;
  }
  if (node.value === undefined) return 'setIn() needs a value (use removeIn() to remove)';
  const problem =
    target.kind === 'attribute'
      ? checkValue(target.attribute, node.value)
      : target.kind === 'element'
        ? checkType(target.list, [node.value])
        : nestedElementProblem(node.value, describePath(node.path));
  return problem && `setIn() value ${problem}`;
}
