import type { ModelClass } from './CompiledSchema';

/** A model class and its ancestors, base class first, so subclasses' declarations win. */
export function classChain(model: ModelClass): object[] {
  const chain: object[] = [];
  for (
    let current: unknown = model;
    typeof current === 'function' && current !== Function.prototype;
    current = Object.getPrototypeOf(current)
  ) {
    chain.unshift(current);
  }
  return chain;
}
