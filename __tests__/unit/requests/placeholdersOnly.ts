// Test helper: the expressions of a request hold nothing but placeholders, operators and functions.

const GRAMMAR =
  /#n\d+|:v\d+|\b(AND|OR|NOT|BETWEEN|IN|begins_with|contains|size|attribute_exists|attribute_not_exists|attribute_type)\b|[()<>=,.[\]\d\s]/g;

/** What is left of the expressions once placeholders, operators and function names are taken out: '' when nothing raw is in them. */
export function rawTextIn(...expressions: (string | undefined)[]): string {
  return expressions.map((expression) => (expression ?? '').replace(GRAMMAR, '')).join('');
}

/** Every #alias and :alias used in the expressions, sorted. */
export function aliasesIn(...expressions: (string | undefined)[]): { names: string[]; values: string[] } {
  const text = expressions.join(' ');
  return {
    names: [...new Set(text.match(/#n\d+/g) ?? [])].sort(),
    values: [...new Set(text.match(/:v\d+/g) ?? [])].sort(),
  };
}
