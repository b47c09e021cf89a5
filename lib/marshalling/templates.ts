import type { CompiledAttribute, CompiledTemplate } from '../schema/CompiledSchema';
import { UnreadableValue } from './UnreadableValue';

// How values print into a template and read back out of one. Validation has refused every value
// that would make the text ambiguous (an empty part, a part holding the first character of the
// text that follows it), so the text reads back into exactly the values that printed it.

/** The text of a checked part value: a string as it is, a number or bigint in decimal, a Date as ISO-8601. */
export function printPart(attribute: CompiledAttribute, value: unknown): string {
  if (attribute.type === 'date') return Date.prototype.toISOString.call(value);
  return String(value);
}

/** The text a template makes of checked values (keyed by property name). */
export function renderTemplate(template: CompiledTemplate, values: Readonly<Record<string, unknown>>): string {
  let text = '';
  for (const segment of template.segments) {
    text += 'text' in segment ? segment.text : printPart(segment.part, values[segment.part.name]);
  }
  return text;
}

/** Where a template's text stops being known: the text so far, and the first part without a value. */
export interface TemplatePrefix {
  /** The text up to the first part without a value; the whole text when every part has one. */
  readonly text: string;
  /** The first part without a value, and the text that follows it in the template ('' at the end). */
  readonly next?: { readonly part: CompiledAttribute; readonly after: string };
}

/** The text a template makes of the values given for its leading parts (keyed by property name). */
export function templatePrefix(template: CompiledTemplate, values: ReadonlyMap<string, unknown>): TemplatePrefix {
  let text = '';
  const { segments } = template;
  for (const [index, segment] of segments.entries()) {
    if ('text' in segment) {
      text += segment.text;
    } else if (values.has(segment.part.name)) {
      text += printPart(segment.part, values.get(segment.part.name));
    } else {
      const following = segments[index + 1];
      return { text, next: { part: segment.part, after: following && 'text' in following ? following.text : '' } };
    }
  }
  return { text };
}

/**
 * The values of a template's parts read back from its text (keyed by property name).
 * @throws UnreadableValue when the text is not one the template makes (an item written by other code).
 */
export function parseTemplateText(template: CompiledTemplate, text: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const { segments } = template;
  let at = 0;
  for (const [index, segment] of segments.entries()) {
    if ('text' in segment) {
      if (!text.startsWith(segment.text, at)) throw unreadable(template);
      at += segment.text.length;
      continue;
    }
    const following = segments[index + 1];
    const end = following && 'text' in following ? text.indexOf(following.text[0]!, at) : text.length;
    if (end <= at) throw unreadable(template);
    const value = readPart(segment.part, text.slice(at, end), template);
    const earlier = values[segment.part.name];
    if (earlier !== undefined && printPart(segment.part, earlier) !== text.slice(at, end)) throw unreadable(template);
    values[segment.part.name] = value;
    at = end;
  }
  if (at !== text.length) throw unreadable(template);
  return values;
}

function readPart(part: CompiledAttribute, text: string, template: CompiledTemplate): unknown {
  let value: unknown;
  if (part.type === 'number') value = Number(text);
  else if (part.type === 'bigint') value = /^-?\d+$/.test(text) ? BigInt(text) : undefined;
  else if (part.type === 'date') value = new Date(text);
  else return text;
  // only the text a value prints as reads back as it: "01", "1.0" or a date of another form are not the library's
  if (
    value === undefined ||
    (value instanceof Date && Number.isNaN(value.getTime())) ||
    printPart(part, value) !== text
  )
    throw unreadable(template);
  return value;
}

function unreadable(template: CompiledTemplate): UnreadableValue {
  return new UnreadableValue(`it is not text the template ${JSON.stringify(template.source)} makes`);
}
