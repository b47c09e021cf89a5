// Turns attribute names and categorical values into enum keys. The type-level twins below
// follow the same rules character by character, so what TypeScript shows is what runs.
// Only ASCII punctuation and white space separate words, so letters of scripts without
// case (名前, Δ is cased, עברית is not) stay part of their word.

const SEPARATORS = new Set(' \t\n\r!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

function isUpper(character: string | undefined): boolean {
  return character !== undefined && character !== character.toLowerCase();
}

function isLower(character: string | undefined): boolean {
  return character !== undefined && character !== character.toUpperCase();
}

/**
 * Splits a name into words: at ASCII punctuation and white space; before an upper-case
 * letter that follows a lower-case one (`userId` → `user`, `Id`); and before the last
 * capital of an acronym that starts a new word (`HTTPStatus` → `HTTP`, `Status`).
 */
export function splitWords(name: string): string[] {
  const words: string[] = [];
  let current = '';
  const characters = [...name];
  characters.forEach((character, position) => {
    const previous = characters[position - 1];
    const next = characters[position + 1];
    if (SEPARATORS.has(character)) {
      if (current) words.push(current);
      current = '';
      return;
    }
    const startsWord = isUpper(character) && (isLower(previous) || (isUpper(previous) && isLower(next)));
    if (startsWord && current) {
      words.push(current);
      current = '';
    }
    current += character;
  });
  if (current) words.push(current);
  return words;
}

/** `person_id` → `PERSON_ID`, `userId` → `USER_ID`, `first-name` → `FIRST_NAME`, `HTTPStatus` → `HTTP_STATUS`. */
export function toUpperSnake(name: string): string {
  return splitWords(name).join('_').toUpperCase();
}

/** `relationship` → `Relationship`, `data_source` → `DataSource`, `HTTPStatus` → `HttpStatus`. */
export function toPascalCase(name: string): string {
  return splitWords(name)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join('');
}

type Separator =
  | ' '
  | '\t'
  | '\n'
  | '\r'
  | '!'
  | '"'
  | '#'
  | '$'
  | '%'
  | '&'
  | "'"
  | '('
  | ')'
  | '*'
  | '+'
  | ','
  | '-'
  | '.'
  | '/'
  | ':'
  | ';'
  | '<'
  | '='
  | '>'
  | '?'
  | '@'
  | '['
  | '\\'
  | ']'
  | '^'
  | '_'
  | '`'
  | '{'
  | '|'
  | '}'
  | '~';
type IsUpper<C extends string> = C extends '' ? false : C extends Lowercase<C> ? false : true;
type IsLower<C extends string> = C extends '' ? false : C extends Uppercase<C> ? false : true;
type Push<Words extends string[], Word extends string> = Word extends '' ? Words : [...Words, Word];
type First<S extends string> = S extends `${infer C}${string}` ? C : '';
type StartsWord<C extends string, Previous extends string, Next extends string> =
  IsUpper<C> extends true
    ? IsLower<Previous> extends true
      ? true
      : [IsUpper<Previous>, IsLower<Next>] extends [true, true]
        ? true
        : false
    : false;

/** Type-level `splitWords`. */
export type SplitWords<
  S extends string,
  Current extends string = '',
  Previous extends string = '',
  Words extends string[] = [],
> = string extends S
  ? string[]
  : S extends `${infer C}${infer Rest}`
    ? C extends Separator
      ? SplitWords<Rest, '', C, Push<Words, Current>>
      : StartsWord<C, Previous, First<Rest>> extends true
        ? SplitWords<Rest, C, C, Push<Words, Current>>
        : SplitWords<Rest, `${Current}${C}`, C, Words>
    : Push<Words, Current>;

type JoinSnake<Words extends string[]> = Words extends [infer W extends string, ...infer Rest extends string[]]
  ? Rest extends []
    ? W
    : `${W}_${JoinSnake<Rest>}`
  : '';

type Capitalized<W extends string> = W extends `${infer C}${infer Rest}` ? `${Uppercase<C>}${Lowercase<Rest>}` : W;

type JoinPascal<Words extends string[]> = Words extends [infer W extends string, ...infer Rest extends string[]]
  ? `${Capitalized<W>}${JoinPascal<Rest>}`
  : '';

/** Type-level `toUpperSnake`. */
export type UpperSnake<S extends string> = string extends S ? string : Uppercase<JoinSnake<SplitWords<S>>>;

/** Type-level `toPascalCase`. */
export type PascalCase<S extends string> = string extends S ? string : JoinPascal<SplitWords<S>>;
