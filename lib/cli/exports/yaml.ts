// A YAML writer for the plain data of a CloudFormation template (maps, lists, strings, numbers,
// booleans): strings are plain only where YAML reads them back as the same string, else JSON-quoted
// (a JSON string is a valid YAML double-quoted scalar).

const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./:-]*$/;
// words YAML 1.1 parsers (CloudFormation's among them) read as booleans or null
const RESERVED = /^(y|n|yes|no|on|off|true|false|null|~)$/i;

/** The value as a YAML document. */
export function toYaml(value: unknown): string {
  return `${lines(value, 0).join('\n')}\n`;
}

function scalar(value: unknown): string {
  if (typeof value === 'string') {
    return PLAIN.test(value) && !value.endsWith(':') && !RESERVED.test(value) ? value : JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  throw new TypeError(`toYaml: cannot write a ${typeof value}`);
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function lines(value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}[]`];
    return value.flatMap((item: unknown) => {
      if (!isCollection(item) || Object.keys(item).length === 0) return [`${pad}- ${inline(item)}`];
      const [first, ...rest] = lines(item, indent + 2);
      return [`${pad}- ${first!.slice(indent + 2)}`, ...rest];
    });
  }
  if (isCollection(value)) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return [`${pad}{}`];
    return entries.flatMap(([key, item]) =>
      isCollection(item) && Object.keys(item).length > 0
        ? [`${pad}${scalar(key)}:`, ...lines(item, indent + 2)]
        : [`${pad}${scalar(key)}: ${inline(item)}`],
    );
  }
  return [`${pad}${scalar(value)}`];
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return '[]';
  if (isCollection(value)) return '{}';
  return scalar(value);
}
