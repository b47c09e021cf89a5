import { splitWords, toPascalCase, toUpperSnake, type PascalCase, type UpperSnake } from '../../../lib/schema/names';

describe('toUpperSnake', () => {
  it.each([
    ['person_id', 'PERSON_ID'],
    ['userId', 'USER_ID'],
    ['first-name', 'FIRST_NAME'],
    ['a.b', 'A_B'],
    ['x y', 'X_Y'],
    ['data_source', 'DATA_SOURCE'],
    ['relationship', 'RELATIONSHIP'],
    ['FRIEND', 'FRIEND'],
    ['IN_PROGRESS', 'IN_PROGRESS'],
    ['in-progress', 'IN_PROGRESS'],
    ['__private__', 'PRIVATE'],
    ['a  --  b', 'A_B'],
    ['v2', 'V2'],
    ['address_2', 'ADDRESS_2'],
    ['2fa', '2FA'],
    ['été', 'ÉTÉ'],
    ['crème_brûlée', 'CRÈME_BRÛLÉE'],
    ['naïveÉtat', 'NAÏVE_ÉTAT'],
    ['straße', 'STRASSE'],
    ['ΑλφαΒήτα', 'ΑΛΦΑ_ΒΉΤΑ'],
    ['---', ''],
    ['', ''],
  ])('%p → %p', (name, expected) => {
    expect(toUpperSnake(name)).toBe(expected);
  });

  // Open question for the maintainer: an acronym followed by a word stays one word today
  // ('HTTPSTATUS'); lodash, change-case and most enum generators give 'HTTP_STATUS'.
  it('splits an acronym from the word after it: HTTPStatus → HTTP_STATUS', () => {
    expect(toUpperSnake('HTTPStatus')).toBe('HTTP_STATUS');
  });

  // Bug: letters without case (CJK, Arabic, Hebrew, Thai...) are taken for separators, since
  // a letter is detected as "toLowerCase differs from toUpperCase".
  it('keeps letters that have no case (名前 is a name, not punctuation)', () => {
    expect(toUpperSnake('名前')).toBe('名前');
    expect(toUpperSnake('東京_tokyo')).toBe('東京_TOKYO');
  });
});

describe('toPascalCase', () => {
  it.each([
    ['relationship', 'Relationship'],
    ['data_source', 'DataSource'],
    ['person_id', 'PersonId'],
    ['userId', 'UserId'],
    ['first-name', 'FirstName'],
    ['a.b', 'AB'],
    ['x y', 'XY'],
    ['STATUS', 'Status'],
    ['level_2', 'Level2'],
    ['level2', 'Level2'],
    ['élan_vital', 'ÉlanVital'],
    ['straße', 'Straße'],
  ])('%p → %p', (name, expected) => {
    expect(toPascalCase(name)).toBe(expected);
  });

  it('splits an acronym from the word after it: HTTPStatus → HttpStatus', () => {
    expect(toPascalCase('HTTPStatus')).toBe('HttpStatus');
  });
});

describe('splitWords', () => {
  it('splits at separators and before an upper-case letter that follows a lower-case one', () => {
    expect(splitWords('myHTTP_status-codeValue')).toEqual(['my', 'HTTP', 'status', 'code', 'Value']);
  });
});

// The type-level twins must agree with the runtime functions: these lines fail `tsc` otherwise.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const typeLevelUpperSnake: [
  Equals<UpperSnake<'person_id'>, 'PERSON_ID'>,
  Equals<UpperSnake<'userId'>, 'USER_ID'>,
  Equals<UpperSnake<'first-name'>, 'FIRST_NAME'>,
  Equals<UpperSnake<'a.b'>, 'A_B'>,
  Equals<UpperSnake<'x y'>, 'X_Y'>,
  Equals<UpperSnake<'in-progress'>, 'IN_PROGRESS'>,
  Equals<UpperSnake<'été'>, 'ÉTÉ'>,
  Equals<UpperSnake<string>, string>,
] = [true, true, true, true, true, true, true, true];
const typeLevelPascalCase: [
  Equals<PascalCase<'data_source'>, 'DataSource'>,
  Equals<PascalCase<'relationship'>, 'Relationship'>,
  Equals<PascalCase<'userId'>, 'UserId'>,
  Equals<PascalCase<'level_2'>, 'Level2'>,
] = [true, true, true, true];

it('has type-level twins that agree with the runtime (checked by tsc)', () => {
  expect(typeLevelUpperSnake.every(Boolean)).toBe(true);
  expect(typeLevelPascalCase.every(Boolean)).toBe(true);
});
