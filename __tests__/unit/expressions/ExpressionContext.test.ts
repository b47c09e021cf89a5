import { ExpressionContext } from '../../../lib/expressions/ExpressionContext';

describe('ExpressionContext', () => {
  it('gives each name one positional alias, however often it is used', () => {
    const context = new ExpressionContext();
    expect(context.name('status')).toBe('#n0');
    expect(context.name('person_id')).toBe('#n1');
    expect(context.name('status')).toBe('#n0');
    expect(context.attributes().ExpressionAttributeNames).toEqual({ '#n0': 'status', '#n1': 'person_id' });
  });

  it('gives each value a new alias, even an equal one', () => {
    const context = new ExpressionContext();
    expect(context.value({ S: 'DONE' })).toBe(':v0');
    expect(context.value({ S: 'DONE' })).toBe(':v1');
    expect(context.value({ N: '1' })).toBe(':v2');
    expect(context.attributes().ExpressionAttributeValues).toEqual({
      ':v0': { S: 'DONE' },
      ':v1': { S: 'DONE' },
      ':v2': { N: '1' },
    });
  });

  it('numbers names and values independently', () => {
    const context = new ExpressionContext();
    const set = `${context.name('status')} = ${context.value({ S: 'DONE' })}`;
    const condition = `attribute_exists(${context.name('person_id')})`;
    expect(set).toBe('#n0 = :v0');
    expect(condition).toBe('attribute_exists(#n1)');
  });

  it.each(['a.b', 'first-name', 'x y', 'name', '#n0', ':v0', '', '__proto__', 'a[0]'])(
    'takes %p as one atomic name',
    (name) => {
      const context = new ExpressionContext();
      expect(context.name(name)).toBe('#n0');
      expect(context.attributes()).toEqual({ ExpressionAttributeNames: { '#n0': name } });
    },
  );

  it('does not split a dotted name, and tells it apart from its parts', () => {
    const context = new ExpressionContext();
    expect([context.name('a.b'), context.name('a'), context.name('b')]).toEqual(['#n0', '#n1', '#n2']);
    expect(context.attributes().ExpressionAttributeNames).toEqual({ '#n0': 'a.b', '#n1': 'a', '#n2': 'b' });
  });

  it('omits empty maps (DynamoDB rejects them)', () => {
    expect(new ExpressionContext().attributes()).toEqual({});
    const namesOnly = new ExpressionContext();
    namesOnly.name('id');
    expect(namesOnly.attributes()).toEqual({ ExpressionAttributeNames: { '#n0': 'id' } });
    const valuesOnly = new ExpressionContext();
    valuesOnly.value({ BOOL: true });
    expect(valuesOnly.attributes()).toEqual({ ExpressionAttributeValues: { ':v0': { BOOL: true } } });
  });

  it('is sealed once its attributes are handed over, so a built request never changes with the context', () => {
    const context = new ExpressionContext();
    context.name('a');
    const first = context.attributes();
    expect(() => context.name('b')).toThrow(/sealed/);
    expect(() => context.value({ S: 'x' })).toThrow(/sealed/);
    expect(() => context.attributes()).toThrow(/sealed/);
    expect(first.ExpressionAttributeNames).toEqual({ '#n0': 'a' });
  });
});
