import { keyIdentity } from '../../../lib/marshalling/keyIdentity';
import { canonicalNumber } from '../../../lib/marshalling/numbers';

describe('canonicalNumber', () => {
  it.each([
    ['100', '1e3'],
    ['1e2', '1e3'],
    ['100.000', '1e3'],
    ['0.0000001', '1e-6'],
    ['1e-7', '1e-6'],
    ['1.5', '15e1'],
    ['1.50', '15e1'],
    ['-015.0', '-15e2'],
    ['0', '0'],
    ['-0.00', '0'],
    ['+7', '7e1'],
  ])('%s → %s', (text, canonical) => {
    expect(canonicalNumber(text)).toBe(canonical);
  });

  it('keeps different values apart', () => {
    expect(canonicalNumber('10')).not.toBe(canonicalNumber('100'));
    expect(canonicalNumber('1')).not.toBe(canonicalNumber('-1'));
    expect(canonicalNumber('12345678901234567890123456789012345678')).not.toBe(
      canonicalNumber('12345678901234567890123456789012345679'),
    );
  });
});

describe('keyIdentity', () => {
  it('reads only the key attributes, in the given order, and tells types apart', () => {
    expect(keyIdentity(['id'], { id: { S: '1' }, name: { S: 'x' } })).toBe(keyIdentity(['id'], { id: { S: '1' } }));
    expect(keyIdentity(['id'], { id: { S: '1' } })).not.toBe(keyIdentity(['id'], { id: { N: '1' } }));
    expect(keyIdentity(['a', 'b'], { a: { S: 'x' }, b: { S: 'y' } })).not.toBe(
      keyIdentity(['a', 'b'], { a: { S: 'y' }, b: { S: 'x' } }),
    );
  });
});
