import { SchemaError } from '../errors/SchemaError';
import type { NestedClass } from '../metadata/declarations';
import { ownIndexDeclarations, tableDeclaration } from '../metadata/store';
import { usesClassValidator } from '../validation/classValidatorBridge';
import { checkMisuses } from './checkDeclarations';
import type { CompiledAttribute, CompiledShape, ModelClass } from './CompiledSchema';
import { classChain } from './classChain';
import { compileAttributes } from './compileAttributes';

const shapes = new WeakMap<NestedClass, CompiledShape>();
/** Classes being compiled: a class that holds values of itself (a tree) is compiled once, not forever. */
const compiling = new Set<NestedClass>();

/**
 * The compiled attributes of a class stored as a map (a nested class: `@Attribute`s, no `@Table`),
 * compiled on first use and cached.
 * @throws SchemaError naming the class and property when its decorators are inconsistent.
 */
export function shapeOf(nested: NestedClass): CompiledShape {
  const cached = shapes.get(nested);
  if (cached) return cached;
  const shape = compileShape(nested);
  shapes.set(nested, shape);
  return shape;
}

/** Compiles the classes an attribute list holds values of, so their errors surface with the model's. */
export function compileNestedShapes(attributes: readonly CompiledAttribute[]): void {
  for (const { nested } of attributes) {
    if (nested && !shapes.has(nested) && !compiling.has(nested)) shapeOf(nested);
  }
}

function compileShape(nested: NestedClass): CompiledShape {
  const model = nested as ModelClass;
  const modelName = nested.name || 'AnonymousClass';
  compiling.add(nested);
  try {
    checkMisuses(model, modelName);
    if (tableDeclaration(model) !== undefined) {
      throw new SchemaError(modelName, undefined, 'has @Table: a class whose values are stored as a map has no table.');
    }
    if (classChain(model).some((level) => ownIndexDeclarations(level).length > 0)) {
      throw new SchemaError(
        modelName,
        undefined,
        'declares an index: a class whose values are stored as a map has none.',
      );
    }
    const attributes = compileAttributes(model, modelName, true);
    compileNestedShapes(attributes);
    return Object.freeze({
      model,
      modelName,
      attributes: Object.freeze(attributes),
      attributeByName: new Map(attributes.map((attribute) => [attribute.name, attribute])),
      usesClassValidator: usesClassValidator(model),
    });
  } finally {
    compiling.delete(nested);
  }
}
