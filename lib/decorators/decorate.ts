import type { DecoratorMisuse, MisusePlace } from '../metadata/declarations';
import { noteMissingMetadata, recordMisuse } from '../metadata/store';
import { isPlainObject } from '../validation/checks';
import { placementOf, type Placement } from './placement';

// Every decorator of the library is built here, so each works under legacy and standard decorators
// alike, records what it was given and nothing else, never throws, and records a use it does not
// support instead of ignoring it: compileSchema turns that record into a SchemaError.

/** A property decorator of this library: usable under legacy (`experimentalDecorators`) and standard decorators. */
export interface ModelPropertyDecorator {
  (prototype: object, property: string | symbol): void;
  (value: undefined, context: ClassFieldDecoratorContext): void;
}

/** A class decorator of this library: usable under legacy (`experimentalDecorators`) and standard decorators. */
export interface ModelClassDecorator {
  (model: abstract new (...args: never) => unknown): void;
  (model: abstract new (...args: never) => unknown, context: ClassDecoratorContext): void;
}

/** A decorator that goes on the class or on a property (`@GlobalIndex`, `@LocalIndex`). */
export type ModelClassOrPropertyDecorator = ModelClassDecorator & ModelPropertyDecorator;

/** Builds a property decorator that hands `record` where to record and the property's name. */
export function propertyDecorator(
  name: string,
  record: (target: object, property: string) => void,
): ModelPropertyDecorator {
  return build(name, 'property', (target, property) => record(target, property!));
}

/** Builds a class decorator that hands `record` where to record. */
export function classDecorator(name: string, record: (target: object) => void): ModelClassDecorator {
  return build(name, 'class', (target) => record(target));
}

/** Builds a decorator for the class or a property; `property` is undefined on the class. */
export function classOrPropertyDecorator(
  name: string,
  record: (target: object, property: string | undefined) => void,
): ModelClassOrPropertyDecorator {
  return build(name, 'both', record);
}

/**
 * A decorator that may sit where `allowed` says: on instance properties, on the class, or both.
 * Anywhere else (a method, an accessor, a static or #private member, a parameter) it records the
 * misuse.
 */
function build(
  name: string,
  allowed: 'property' | 'class' | 'both',
  record: (target: object, property: string | undefined) => void,
): (...args: unknown[]) => undefined {
  return (...args) => {
    const placement = placementOf(args);
    // called by hand with something that is not a decorator application: nothing to record on
    if (!placement) return undefined;
    if (!placement.target) {
      noteMissingMetadata();
      return undefined;
    }
    const place = misplaced(placement, allowed);
    if (place) {
      recordMisuse(placement.target, misuse(name, place, placement));
    } else {
      record(placement.target, placement.element === 'class' ? undefined : String(placement.property));
    }
    // a value returned would replace the class (class decorator) or the field's initial value
    return undefined;
  };
}

/**
 * Whether a decorator factory was itself applied as a decorator (`@Attribute name` instead of
 * `@Attribute() name`); if so, records the misuse. Under legacy decorators the function such a
 * factory returns is thrown away, so this is the only chance to see the mistake.
 */
export function appliedWithoutParentheses(name: string, args: readonly unknown[]): boolean {
  const placement = placementOf(args);
  if (!placement) return false;
  if (placement.target) {
    const { element } = placement;
    const place = element === 'class' ? 'class' : element === 'field' ? 'property' : element;
    recordMisuse(placement.target, { ...misuse(name, place, placement), withoutParentheses: true });
  } else {
    noteMissingMetadata();
  }
  return true;
}

/** A copy of an options object or a list as given, so a later change to the caller's object does not leak in; anything else as is. */
export function copied(value: unknown): unknown {
  if (Array.isArray(value)) return [...(value as unknown[])];
  return isPlainObject(value) ? { ...value } : value;
}

function misplaced(placement: Placement, allowed: 'property' | 'class' | 'both'): MisusePlace | undefined {
  const { element } = placement;
  if (element === 'class') return allowed === 'property' ? 'class' : undefined;
  if (element !== 'field') return element;
  if (placement.isStatic) return 'static member';
  if (placement.isPrivate) return '#private member';
  if (typeof placement.property === 'symbol') return 'symbol-keyed property';
  return allowed === 'class' ? 'property' : undefined;
}

function misuse(name: string, place: MisusePlace, placement: Placement): DecoratorMisuse {
  const { property } = placement;
  return { decorator: name, place, ...(property !== undefined && { property: String(property) }) };
}
