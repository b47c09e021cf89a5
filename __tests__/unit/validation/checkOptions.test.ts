import {
  booleanOption,
  oneOfOption,
  optionIssues,
  stringOption,
  wholeNumberOption,
  type OptionRules,
} from '../../../lib/validation/checkOptions';

const rules: OptionRules = {
  consistent: booleanOption,
  concurrency: wholeNumberOption(1),
  segments: wholeNumberOption(1, 1_000_000),
  token: stringOption(1, 36),
  projection: oneOfOption(['ALL', 'KEYS_ONLY']),
};

describe('optionIssues', () => {
  it('accepts known options with fitting values, and undefined ones', () => {
    expect(optionIssues({ consistent: true, concurrency: 2, token: 'a', projection: 'ALL' }, rules, 'read')).toEqual(
      [],
    );
    expect(optionIssues({ consistent: undefined }, rules, 'read')).toEqual([]);
    expect(optionIssues(undefined, rules, 'read')).toEqual([]);
  });

  it.each([
    [{ concurency: 2 }, 'concurency', 'is not an option of read (did you mean concurrency?)'],
    [{ putt: [] }, 'putt', 'is not an option of read'],
    [{ consistent: 'yes' }, 'consistent', 'must be a boolean'],
    [{ concurrency: 0 }, 'concurrency', 'must be a whole number ≥ 1'],
    [{ concurrency: 1.5 }, 'concurrency', 'must be a whole number ≥ 1'],
    [{ segments: 2_000_000 }, 'segments', 'must be a whole number from 1 to 1,000,000'],
    [{ token: '' }, 'token', 'must have 1 to 36 characters'],
    [{ projection: 'SOME' }, 'projection', 'must be one of "ALL", "KEYS_ONLY"'],
  ])('names the option of %j', (options, attribute, constraint) => {
    expect(optionIssues(options, rules, 'read')).toEqual([expect.objectContaining({ attribute, constraint })]);
  });

  it('refuses a non-object and symbol keys, and prefixes names', () => {
    expect(optionIssues('fast', rules, 'read')).toEqual([
      { attribute: '(options)', received: 'string', constraint: 'must be an object' },
    ]);
    expect(optionIssues({ [Symbol('x')]: 1 }, rules, 'read', 'options.')).toEqual([
      { attribute: 'options.Symbol(x)', received: 'symbol key', constraint: 'is not an option of read' },
    ]);
  });

  it('reports every bad option at once', () => {
    expect(optionIssues({ consistent: 1, concurrency: -1, other: true }, rules, 'read')).toHaveLength(3);
  });

  it('does not read options through the prototype chain', () => {
    expect(optionIssues({ toString: 1 }, rules, 'read')).toEqual([
      expect.objectContaining({ attribute: 'toString', constraint: 'is not an option of read' }),
    ]);
  });
});
