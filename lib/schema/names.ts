// Turns attribute names and categorical values into enum keys. The type-level twins below
// follow the same rules character by character, so what TypeScript shows is what runs.

const WORD_CHARACTER = /^[0-9]$/;

function isLetter(character: string): boolean {
  return character.toLowerCase() !== character.toUpperCase();
}

function isWordCharacter(character: string): boolean {
  return isLetter(character) || WORD_CHARACTER.test(character);
}

function isUpper(character: string): boolean {
  return isLetter(character) && character === character.toUpperCase();
}

function isLower(character: string): boolean {
  return isLetter(character) && character === character.toLowerCase();
}

/**
 * Splits a name into words: at every character that is neither a letter nor a digit, and
 * before an upper-case letter that follows a lower-case one (`userId` → `user`, `Id`).
 */
export function splitWords(name: string): string[] {
  const words: string[] = [];
  let current = '';
  let previous = '';
  for (const character of name) {
    if (!isWordCharacter(character)) {
      if (current) words.push(current);
      current = '';
    } else if (isUpper(character) && isLower(previous)) {
      if (current) words.push(current);
      current = character;
    } else {
      current += character;
    }
    previous = character;
  }
  if (current) words.push(current);
  return words;
}

/** `person_id` → `PERSON_ID`, `userId` → `USER_ID`, `first-name` → `FIRST_NAME`. */
export function toUpperSnake(name: string): string {
  return splitWords(name).join('_').toUpperCase();
}

/** `relationship` → `Relationship`, `data_source` → `DataSource`. */
export function toPascalCase(name: string): string {
  return splitWords(name)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join('');
}

type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
type IsLetter<C extends string> = Lowercase<C> extends Uppercase<C> ? false : true;
type IsUpper<C extends string> = IsLetter<C> extends true ? (C extends Uppercase<C> ? true : false) : false;
type IsLower<C extends string> = IsLetter<C> extends true ? (C extends Lowercase<C> ? true : false) : false;
type IsWordCharacter<C extends string> = IsLetter<C> extends true ? true : C extends Digit ? true : false;
type Push<Words extends string[], Word extends string> = Word extends '' ? Words : [...Words, Word];

/** Type-level `splitWords`. */
export type SplitWords<
  S extends string,
  Current extends string = '',
  Previous extends string = '',
  Words extends string[] = [],
> = string extends S
  ? string[]
  : S extends `${infer C}${infer Rest}`
    ? IsWordCharacter<C> extends false
      ? SplitWords<Rest, '', C, Push<Words, Current>>
      : [IsUpper<C>, IsLower<Previous>] extends [true, true]
        ? SplitWords<Rest, C, C, Push<Words, Current>>
        : SplitWords<Rest, `${Current}${C}`, C, Words>
    : Push<Words, Current>;

type JoinSnake<Words extends string[]> = Words extends [infer W extends string, ...infer Rest extends string[]]
  ? Rest extends [] ? W : `${W}_${JoinSnake<Rest>}`
  : '';

type JoinPascal<Words extends string[]> = Words extends [infer W extends string, ...infer Rest extends string[]]
  ? `${Capitalize<Lowercase<W>>}${JoinPascal<Rest>}`
  : '';

/** Type-level `toUpperSnake`. */
export type UpperSnake<S extends string> = string extends S ? string : Uppercase<JoinSnake<SplitWords<S>>>;

/** Type-level `toPascalCase`. */
export type PascalCase<S extends string> = string extends S ? string : JoinPascal<SplitWords<S>>;
