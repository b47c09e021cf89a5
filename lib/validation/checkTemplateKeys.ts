import type { ValidationIssue } from '../errors/ValidationIssue';
import { segmentsOf } from '../expressions/AttributePath';
import { where, type Condition } from '../expressions/conditions';
import { renderTemplate, templatePrefix } from '../marshalling/templates';
import type { CompiledAttribute, CompiledTemplate } from '../schema/CompiledSchema';
import { partIssue, stopCharacters } from './checkTemplates';
import { checkValue } from './checkValue';
import { describeType } from './checks';
import { ownValue } from './readInput';

// A templated key is queried by its parts: the partition by every part, the sort key by its
// leading parts (eq) and at most one more (beginsWith). Both become conditions on the stored key.

/**
 * Checks the parts a query key gives for a templated partition key (`{ user_id }` for `'USER#{user_id}'`)
 * and renders the key's text from them.
 * @returns the issues, and the text when there are none.
 */
export function checkTemplatedQueryKey(
  partitionKey: CompiledAttribute,
  values: Readonly<Record<string, unknown>>,
  where: string,
): { readonly issues: ValidationIssue[]; readonly value: unknown } {
  const template = partitionKey.template!;
  const names = template.parts.map((part) => part.name);
  const issues: ValidationIssue[] = [];
  for (const name of Object.keys(values)) {
    if (names.includes(name) || values[name] === undefined) continue;
    const constraint = `is not a part of the ${where}'s partition key template ${JSON.stringify(template.source)} (${names.join(', ')})`;
    issues.push({ attribute: name, received: describeType(values[name]), constraint });
  }
  for (const part of template.parts) {
    const value = ownValue(values, part.name);
    if (value === undefined || value === null) {
      const constraint = `required (a part of the ${where}'s partition key ${JSON.stringify(template.source)})`;
      issues.push({ attribute: part.name, received: describeType(value), constraint });
      continue;
    }
    const problem = checkValue(part, value);
    if (problem) issues.push({ attribute: part.name, received: describeType(value), constraint: problem });
    else partIssue(template, part, value, issues);
  }
  return { issues, value: issues.length === 0 ? renderTemplate(template, values) : undefined };
}

/** Whether a `sortKey` condition names parts of a templated sort key (rather than the key itself). */
export function namesTemplateParts(sortKey: CompiledAttribute, condition: Condition): boolean {
  const parts = sortKey.template?.parts ?? [];
  return leaves(condition).some((leaf) => parts.some((part) => part.name === pathName(leaf)));
}

/**
 * Turns a `sortKey` condition on the parts of a templated sort key into one on the key:
 * `where('placed_at').beginsWith('2026-')` on `'ORDER#{placed_at}#{order_id}'` is
 * `begins_with(sk, 'ORDER#2026-')`; eq on leading parts (joined by `and`) fixes them, and at most one
 * beginsWith, on the part after them, ends the prefix.
 * @returns the issues, and the condition on the key when there are none.
 */
export function templateSortKeyCondition(
  sortKey: CompiledAttribute,
  condition: Condition,
): { readonly issues: ValidationIssue[]; readonly condition?: Condition } {
  const template = sortKey.template!;
  const issues: ValidationIssue[] = [];
  const { fixed, prefix } = readPartConditions(template, condition, issues);
  if (issues.length > 0) return { issues };
  const { text, next } = templatePrefix(template, fixed);
  const unreached = [...fixed.keys()].filter((name) => !reached(template, fixed, name));
  if (prefix && prefix.part !== next?.part) unreached.push(prefix.part.name);
  if (unreached.length > 0) {
    const constraint = `needs every part before it in ${JSON.stringify(template.source)} fixed by eq (first missing: ${next?.part.name ?? ''})`;
    return { issues: unreached.map((name) => ({ attribute: name, received: 'sortKey', constraint })) };
  }
  const key = where(sortKey.name);
  if (prefix) return { issues, condition: key.beginsWith(text + prefix.value) };
  return { issues, condition: next ? key.beginsWith(text) : key.eq(text) };
}

/**
 * The key condition a model's own query reads with when it gives none: the items a templated sort key
 * makes start with the template's text before its first part (`ORDER#` for
 * `'ORDER#{placed_at}#{order_id}'`), or are the whole text of a template without parts. In a table
 * shared by several models, that leaves the other models' items unread rather than read and skipped.
 * Undefined when the template starts with a part: there is nothing to narrow by.
 */
export function ownSortKeyCondition(sortKey: CompiledAttribute): Condition | undefined {
  if (!sortKey.template) return undefined;
  const { text, next } = templatePrefix(sortKey.template, new Map());
  if (text === '') return undefined;
  return next ? where(sortKey.name).beginsWith(text) : where(sortKey.name).eq(text);
}

/** The parts a `sortKey` condition fixes by eq, and the one it starts with beginsWith; issues for the rest. */
function readPartConditions(
  template: CompiledTemplate,
  condition: Condition,
  issues: ValidationIssue[],
): { fixed: Map<string, unknown>; prefix?: { part: CompiledAttribute; value: string } } {
  const fixed = new Map<string, unknown>();
  let prefix: { part: CompiledAttribute; value: string } | undefined;
  for (const leaf of leaves(condition)) {
    const part = template.parts.find((each) => each.name === pathName(leaf));
    const { node } = leaf;
    const usable =
      node.kind === 'beginsWith' || (node.kind === 'compare' && node.comparator === '=' && !node.operand.size);
    if (!part || !usable || fixed.has(part.name) || prefix?.part === part || (prefix && node.kind === 'beginsWith')) {
      issues.push(shapeIssue(template, pathName(leaf) ?? 'sortKey'));
      continue;
    }
    const value = node.value;
    if (node.kind === 'beginsWith') {
      if (typeof value !== 'string') {
        issues.push({ attribute: part.name, received: describeType(value), constraint: 'beginsWith takes a string' });
        continue;
      }
      const stop = stopCharacters(template, part).find((character) => value.includes(character));
      if (stop) issues.push(prefixIssue(template, part, value, stop));
      prefix = { part, value };
      continue;
    }
    const problem = checkValue(part, value);
    if (problem) issues.push({ attribute: part.name, received: describeType(value), constraint: problem });
    else partIssue(template, part, value, issues);
    fixed.set(part.name, value);
  }
  return { fixed, ...(prefix && { prefix }) };
}

/** Whether the part named is among those the prefix of the fixed values reaches (no unfixed part before it). */
function reached(template: CompiledTemplate, fixed: ReadonlyMap<string, unknown>, name: string): boolean {
  for (const segment of template.segments) {
    if (!('part' in segment)) continue;
    if (segment.part.name === name) return true;
    if (!fixed.has(segment.part.name)) return false;
  }
  return false;
}

function leaves(condition: Condition): Condition[] {
  return condition.node.kind === 'and' ? condition.node.conditions.flatMap(leaves) : [condition];
}

function pathName(condition: Condition): string | undefined {
  const { node } = condition;
  const path = node.kind === 'beginsWith' ? node.path : 'operand' in node ? node.operand.path : undefined;
  if (path === undefined) return undefined;
  const segments = segmentsOf(path);
  return segments.length === 1 && typeof segments[0] === 'string' ? segments[0] : undefined;
}

function shapeIssue(template: CompiledTemplate, attribute: string): ValidationIssue {
  const parts = template.parts.map((part) => part.name).join(', ');
  return {
    attribute,
    received: 'sortKey',
    constraint: `must be eq on leading parts of the sort key template ${JSON.stringify(template.source)} (${parts}), then at most one beginsWith on the next part, joined by and`,
  };
}

function prefixIssue(
  template: CompiledTemplate,
  part: CompiledAttribute,
  value: string,
  stop: string,
): ValidationIssue {
  return {
    attribute: part.name,
    received: describeType(value),
    constraint: `must not hold ${JSON.stringify(stop)}, which follows it in the template ${JSON.stringify(template.source)}`,
  };
}
