import { ExpressionContext } from '../../../lib/expressions/ExpressionContext';
import { serializeProjection } from '../../../lib/expressions/projection';

describe('serializeProjection', () => {
  it('aliases every name, reserved words and names with dots, dashes and spaces included', () => {
    const context = new ExpressionContext();
    expect(serializeProjection(['status', 'name', 'a.b', 'first-name', 'x y', 'timestamp'], context)).toBe(
      '#n0, #n1, #n2, #n3, #n4, #n5',
    );
    expect(context.attributes()).toEqual({
      ExpressionAttributeNames: {
        '#n0': 'status',
        '#n1': 'name',
        '#n2': 'a.b',
        '#n3': 'first-name',
        '#n4': 'x y',
        '#n5': 'timestamp',
      },
    });
  });

  it('shares aliases with what the context holds already, and renders nested paths', () => {
    const context = new ExpressionContext();
    context.name('status');
    expect(serializeProjection(['name', 'status', ['map', 'city'], ['list', 2]], context)).toBe(
      '#n1, #n0, #n2.#n3, #n4[2]',
    );
  });
});
