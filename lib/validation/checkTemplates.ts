import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import { UpdateAction } from '../expressions/updates';
import { printPart, renderTemplate } from '../marshalling/templates';
import type { CompiledAttribute, CompiledSchema, CompiledTemplate } from '../schema/CompiledSchema';
import { describeType } from './checks';

// The rules of templated attributes: a part's value prints to text that reads back unambiguously
// (never empty, never holding the first character of the text that follows it), a templated value
// is the library's to compute (one given must equal it), a key's parts never change.

const templatedBySchema = new WeakMap<CompiledSchema, readonly CompiledAttribute[]>();

/** The attributes of a model that a template computes, in declaration order. */
export function templatedAttributes(schema: CompiledSchema): readonly CompiledAttribute[] {
  let templated = templatedBySchema.get(schema);
  if (!templated) {
    templated = schema.attributes.filter((attribute) => attribute.template !== undefined);
    templatedBySchema.set(schema, templated);
  }
  return templated;
}

/**
 * What makes a checked value of a part unusable in a template: empty text, or a character that
 * would end the part early when the text is read back (the first one of the text after the part).
 */
export function templatePartProblem(
  template: CompiledTemplate,
  part: CompiledAttribute,
  value: unknown,
): string | undefined {
  const text = printPart(part, value);
  if (text === '') return `must not be empty (it is a part of the template ${JSON.stringify(template.source)})`;
  const stop = stopCharacters(template, part).find((character) => text.includes(character));
  if (stop === undefined) return undefined;
  return `must not hold ${JSON.stringify(stop)}, which follows it in the template ${JSON.stringify(template.source)}`;
}

/** The characters that end a part's text when it is read back: the first of each text that follows it. */
export function stopCharacters(template: CompiledTemplate, part: CompiledAttribute): string[] {
  const { segments } = template;
  const stops = new Set<string>();
  segments.forEach((segment, index) => {
    const following = segments[index + 1];
    if ('part' in segment && segment.part === part && following && 'text' in following) stops.add(following.text[0]!);
  });
  return [...stops];
}

/**
 * Computes every templated attribute of checked record values (create, put), adding issues for parts
 * that would make a template ambiguous and for templated values given that differ from the computed
 * one (a record read back may be written again as it is). An optional templated attribute whose parts
 * are not all given is left out.
 */
export function fillTemplates(
  schema: CompiledSchema,
  values: Record<string, unknown>,
  issues: ValidationIssue[],
): void {
  const failing = new Set(issues.map((issue) => issue.attribute));
  for (const attribute of templatedAttributes(schema)) {
    const template = attribute.template!;
    const given = values[attribute.name];
    if (template.parts.some((part) => values[part.name] === undefined || values[part.name] === null)) {
      if (given !== undefined) issues.push(computedIssue(attribute, given, 'its parts are not all given'));
      continue;
    }
    if (template.parts.some((part) => failing.has(part.name))) continue;
    const before = issues.length;
    for (const part of template.parts) partIssue(template, part, values[part.name], issues);
    if (issues.length > before) continue;
    const computed = renderTemplate(template, values);
    if (given !== undefined && given !== computed) issues.push(computedIssue(attribute, given, 'it differs'));
    else values[attribute.name] = computed;
  }
}

/** Adds the issue of one part's value, named by the part, if it has one. */
export function partIssue(
  template: CompiledTemplate,
  part: CompiledAttribute,
  value: unknown,
  issues: ValidationIssue[],
): void {
  const problem = templatePartProblem(template, part, value);
  if (problem) issues.push({ attribute: part.name, received: describeType(value), constraint: problem });
}

/**
 * Why an update cannot change an attribute because of templates, or undefined: a templated attribute
 * is computed, and a part of a templated key would change the key.
 */
export function templateChangeProblem(schema: CompiledSchema, attribute: CompiledAttribute): string | undefined {
  if (attribute.template && !attribute.key)
    return `is computed from its template ${JSON.stringify(attribute.template.source)}: change its parts instead`;
  const key = schema.keyAttributes.find((each) => each.template?.parts.includes(attribute));
  if (!key) return undefined;
  return `cannot be updated: it is a part of the ${key.key} key's template ${JSON.stringify(key.template!.source)}, and a key never changes (delete the record and create it anew)`;
}

/**
 * Checked update changes with every templated attribute whose parts they change recomputed, each
 * part taken from the changes or else from the id (`keyValues`); an optional templated attribute is
 * removed with a part that is removed.
 * @throws RecordValidationError naming a part that is changed by an action, is missing, or would make
 *   the template ambiguous.
 */
export function withTemplates(
  schema: CompiledSchema,
  keyValues: Readonly<Record<string, unknown>>,
  changes: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  const changed = templatedAttributes(schema).filter(
    (attribute) => !attribute.key && attribute.template!.parts.some((part) => Object.hasOwn(changes, part.name)),
  );
  if (changed.length === 0) return changes;
  const issues: ValidationIssue[] = [];
  const result: Record<string, unknown> = { ...changes };
  for (const attribute of changed) {
    const template = attribute.template!;
    const values: Record<string, unknown> = {};
    const before = issues.length;
    for (const part of template.parts) {
      const change = Object.hasOwn(changes, part.name) ? changes[part.name] : keyValues[part.name];
      if (change === null) {
        values[part.name] = null; // checkChange let it through: the templated attribute is optional
      } else if (change === undefined || change instanceof UpdateAction || Array.isArray(change)) {
        const constraint = `${change === undefined ? 'required' : 'must be set as a value'}: changing ${template.parts.find((each) => Object.hasOwn(changes, each.name))!.name} recomputes ${attribute.name} (${JSON.stringify(template.source)}), which needs it`;
        issues.push({ attribute: part.name, received: describeType(change), constraint });
      } else {
        values[part.name] = change;
        partIssue(template, part, change, issues);
      }
    }
    if (issues.length > before) continue;
    const removed = template.parts.some((part) => values[part.name] === null);
    result[attribute.name] = removed ? null : renderTemplate(template, values);
  }
  if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
  return result;
}

function computedIssue(attribute: CompiledAttribute, given: unknown, why: string): ValidationIssue {
  return {
    attribute: attribute.name,
    received: describeType(given),
    constraint: `is computed from its template ${JSON.stringify(attribute.template!.source)} and ${why}: leave it out`,
  };
}
