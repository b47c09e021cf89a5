import { UpdateAction, type UpdateNode } from '../expressions/updates';
import type { CompiledAttribute } from '../schema/CompiledSchema';
import { checkType, checkValue, nestedElementProblem } from './checkValue';

/**
 * What is wrong with one change of `updateRecord` to an attribute: a value, `null`, an update
 * action (`add(1)`, `append([...])`...) or an array of actions; undefined when it fits.
 */
export function checkChange(attribute: CompiledAttribute, change: unknown): string | undefined {
  if (attribute.key) return `cannot be updated (it is the ${attribute.key} key)`;
  if (attribute.role === 'createdAt') return 'cannot be updated (it is the @CreatedAt time)';
  if (attribute.role === 'updatedAt') return 'is set by every write (it is the @UpdatedAt time)';
  if (attribute.role === 'version') {
    return 'is maintained by the library (it is the @Version): to require the version you read, pass it as the expectedVersion option';
  }
  if (change === null) return attribute.optional ? undefined : 'cannot be removed (it is required)';
  if (change instanceof UpdateAction) return checkAction(attribute, change.node);
  if (Array.isArray(change) && change.length > 0 && change.every((each) => each instanceof UpdateAction)) {
    return (
      checkNestedActions(change) ??
      change.map((each: UpdateAction) => checkAction(attribute, each.node)).find((problem) => problem !== undefined)
    );
  }
  return checkValue(attribute, change);
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

function checkAction(attribute: CompiledAttribute, node: UpdateNode): string | undefined {
  const { type } = attribute;
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
    case 'removeIn': {
      if (type !== 'map' && type !== 'list') return `${node.kind}() needs a map or list attribute, not ${type}`;
      const isSegment = (segment: unknown) =>
        (typeof segment === 'string' && segment !== '') || (Number.isSafeInteger(segment) && (segment as number) >= 0);
      if (node.path.length === 0 || !node.path.every(isSegment)) {
        return `${node.kind}() needs a path of non-empty names and list positions (DynamoDB refuses empty attribute names)`;
      }
      if (node.kind === 'removeIn') return undefined;
      if (node.value === undefined) return 'setIn() needs a value (use removeIn() to remove)';
      const problem = nestedElementProblem(node.value, node.path.join('.'));
      return problem && `setIn() value ${problem}`;
    }
  }
}
