import { SchemaError } from '../errors/SchemaError';
import type { AttributeType } from '../metadata/declarations';
import type { CheckedDeclaration } from './checkDeclarations';
import type { CompiledAttribute, CompiledTemplate, TemplateSegment } from './CompiledSchema';

// A template is compiled once, here: its text split into text and parts, each part resolved to the
// attribute it names and checked. Printing values into it is marshalling's; refusing values that
// would make it ambiguous is validation's.

const PART_TYPES: ReadonlySet<AttributeType> = new Set(['string', 'number', 'bigint', 'date']);

/** A character an ISO-8601 date can start a run with (`2026-01-31T12:00:00.000Z`, `+275760-...`). */
const ISO_CHARACTER = /^[0-9TZ:.+-]/;

/** A template's text as parsed, before its parts are resolved. */
export type ParsedSegment = { readonly text: string } | { readonly name: string };

/**
 * Splits a template into text and `{part}` names.
 * @returns the segments, or a string saying what is wrong with the template.
 */
export function parseTemplate(source: string): ParsedSegment[] | string {
  const segments: ParsedSegment[] = [];
  let text = '';
  for (let at = 0; at < source.length; at += 1) {
    const character = source[at]!;
    if (character === '}') return 'has a } without its {';
    if (character !== '{') {
      text += character;
      continue;
    }
    const end = source.indexOf('}', at + 1);
    if (end === -1) return 'has a { without its }';
    const name = source.slice(at + 1, end);
    if (name === '') return 'has an empty {}';
    if (name.includes('{')) return `has a { inside {${name}}`;
    if (text !== '') segments.push({ text });
    else if (segments.length > 0)
      return `has two parts with no text between them ({…}{${name}}): its values could not be told apart`;
    text = '';
    segments.push({ name });
    at = end;
  }
  if (text !== '') segments.push({ text });
  return segments;
}

/**
 * The attributes of a class with each templated one given its compiled template (`groups` are the
 * declarations of each attribute, in the same order).
 * @throws SchemaError naming the attribute: a template that does not parse, names an unknown, templated,
 *   library-maintained or unprintable attribute, sits on an attribute that is not a plain string, or
 *   sits in a nested class.
 */
export function compileTemplates(
  modelName: string,
  attributes: readonly CompiledAttribute[],
  groups: readonly (readonly CheckedDeclaration[])[],
  nested: boolean,
): CompiledAttribute[] {
  const sources = groups.map((declarations) => templateSource(modelName, declarations));
  if (sources.every((source) => source === undefined)) return [...attributes];
  const templated = new Set(attributes.filter((_, index) => sources[index] !== undefined).map((a) => a.name));
  const byName = new Map(attributes.map((attribute) => [attribute.name, attribute]));
  return attributes.map((attribute, index) => {
    const source = sources[index];
    if (source === undefined) return attribute;
    const fail = (reason: string): never => {
      throw new SchemaError(modelName, attribute.name, `template ${JSON.stringify(source)} ${reason}`);
    };
    if (nested) fail('cannot be used in a class stored as a map: templates compute a model’s keys and attributes.');
    checkTemplated(attribute, groups[index]!, fail);
    const template = compileTemplate(attribute, source, byName, templated, fail);
    return Object.freeze({ ...attribute, template });
  });
}

function templateSource(modelName: string, declarations: readonly CheckedDeclaration[]): string | undefined {
  const sources = new Set(declarations.map((d) => d.template).filter((source) => source !== undefined));
  if (sources.size > 1)
    throw new SchemaError(
      modelName,
      declarations[0]!.property,
      `declares two templates: ${[...sources].join(' and ')}.`,
    );
  return [...sources][0];
}

/** A templated attribute holds the string its template prints, and nothing else can give it a value. */
function checkTemplated(
  attribute: CompiledAttribute,
  declarations: readonly CheckedDeclaration[],
  fail: (reason: string) => never,
): void {
  if (attribute.type !== 'string' || attribute.converter)
    fail(`makes a string, but the attribute is ${attribute.converter ? 'converted' : attribute.type}.`);
  if (attribute.role) fail('cannot compute an attribute the library maintains.');
  if (attribute.categorical) fail('cannot compute a categorical attribute.');
  if (declarations.some((d) => d.default !== undefined)) fail('computes the value: leave default out.');
}

function compileTemplate(
  attribute: CompiledAttribute,
  source: string,
  byName: ReadonlyMap<string, CompiledAttribute>,
  templated: ReadonlySet<string>,
  fail: (reason: string) => never,
): CompiledTemplate {
  const parsed = parseTemplate(source);
  if (typeof parsed === 'string') return fail(`${parsed}.`);
  const segments: TemplateSegment[] = parsed.map((segment, index) => {
    if ('text' in segment) return segment;
    const part = byName.get(segment.name);
    if (!part) return fail(`names ${segment.name}, which is not a declared attribute.`);
    checkPart(attribute, part, parsed[index + 1], templated, fail);
    return { part };
  });
  const parts = [...new Set(segments.flatMap((segment) => ('part' in segment ? [segment.part] : [])))];
  return Object.freeze({ source, segments: Object.freeze(segments), parts: Object.freeze(parts) });
}

function checkPart(
  attribute: CompiledAttribute,
  part: CompiledAttribute,
  next: ParsedSegment | undefined,
  templated: ReadonlySet<string>,
  fail: (reason: string) => never,
): void {
  const name = part.name;
  if (templated.has(name)) fail(`names ${name}, which a template computes itself.`);
  if (part.role) fail(`names ${name}, which the library writes itself: a template cannot wait for it.`);
  if (!PART_TYPES.has(part.type) || part.converter || part.nested) {
    const what = part.converter ? 'converted' : part.type;
    fail(`names ${name} (${what}): a part is a string, number, bigint or Date attribute.`);
  }
  if (part.optional && (attribute.key || !attribute.optional)) {
    const fix = attribute.key ? 'a key is always written' : `declare ${attribute.name} optional too`;
    fail(`names ${name}, which is optional: ${fix}.`);
  }
  if (part.type === 'date' && next && 'text' in next && ISO_CHARACTER.test(next.text)) {
    fail(
      `follows the Date ${name} with ${JSON.stringify(next.text[0])}, which an ISO-8601 date holds: ` +
        'put a character such as # after it.',
    );
  }
}
