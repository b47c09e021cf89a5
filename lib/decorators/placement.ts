// Reads a decorator's arguments under either convention, so one function serves both:
// - legacy (experimentalDecorators): a class decorator gets `(Class)`; a member decorator gets
//   `(prototype or Class, key, descriptor)`, the descriptor undefined for a property (TypeScript,
//   swc), an object with `initializer` for a property under Babel, a number for a parameter;
// - standard (TC39): `(value, context)`, where context.kind is 'class', 'field', 'method', 'getter',
//   'setter' or 'accessor', and context.metadata is the class's metadata object.

/** What a decorator can sit on. */
export type Element = 'class' | 'field' | 'method' | 'getter' | 'setter' | 'accessor' | 'parameter';

/** Where a decorator was applied. */
export interface Placement {
  /** Where to record: the class, or its metadata object under standard decorators; undefined when an emitter gave neither. */
  readonly target: object | undefined;
  readonly element: Element;
  readonly property?: string | symbol;
  readonly isStatic: boolean;
  readonly isPrivate: boolean;
}

interface StandardContext {
  readonly kind: Exclude<Element, 'parameter'>;
  readonly name?: unknown;
  readonly static?: unknown;
  readonly private?: unknown;
  readonly metadata?: unknown;
}

const KINDS: ReadonlySet<unknown> = new Set(['class', 'field', 'method', 'getter', 'setter', 'accessor']);

/** Where the decorator called with `args` sits, or undefined when `args` are no decorator application. */
export function placementOf(args: readonly unknown[]): Placement | undefined {
  const [value, second, third] = args;
  if (isStandardContext(second)) return standardPlacement(value, second);
  if (args.length === 1 && typeof value === 'function') {
    return { target: value, element: 'class', isStatic: false, isPrivate: false };
  }
  if ((typeof second === 'string' || typeof second === 'symbol') && isClassOrPrototype(value)) {
    const isStatic = typeof value === 'function';
    const target = isStatic ? value : (value as { constructor: object }).constructor;
    return { target, element: legacyElement(third), property: second, isStatic, isPrivate: false };
  }
  if (typeof value === 'function' && second === undefined && typeof third === 'number') {
    return { target: value, element: 'parameter', isStatic: false, isPrivate: false };
  }
  return undefined;
}

function standardPlacement(value: unknown, context: StandardContext): Placement {
  const metadata = typeof context.metadata === 'object' && context.metadata !== null ? context.metadata : undefined;
  if (context.kind === 'class') {
    // a class decorator still has the class when an emitter passes no metadata
    const target = metadata ?? (typeof value === 'function' ? value : undefined);
    return { target, element: 'class', isStatic: false, isPrivate: false };
  }
  const name = context.name;
  return {
    target: metadata,
    element: context.kind,
    property: typeof name === 'symbol' ? name : String(name),
    isStatic: context.static === true,
    isPrivate: context.private === true,
  };
}

function isStandardContext(value: unknown): value is StandardContext {
  return typeof value === 'object' && value !== null && KINDS.has((value as { kind?: unknown }).kind);
}

/** A class, or a class's prototype (what a legacy member decorator receives), never any other object. */
function isClassOrPrototype(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'constructor')) return false;
  const constructor: unknown = (value as { constructor: unknown }).constructor;
  return typeof constructor === 'function' && constructor.prototype === value;
}

function legacyElement(descriptor: unknown): Element {
  if (typeof descriptor === 'number') return 'parameter';
  if (typeof descriptor !== 'object' || descriptor === null) return 'field';
  const { get, set, value } = descriptor as { get?: unknown; set?: unknown; value?: unknown };
  if (get && set) return 'accessor';
  if (get) return 'getter';
  if (set) return 'setter';
  // Babel's legacy decorators describe a property with `initializer` and no value
  return typeof value === 'function' ? 'method' : 'field';
}
