// class-validator is an optional peer, loaded on first use: a process where its decorators ran but the
// library cannot load it (a bundle made without it) gets a SchemaError saying so, not a bare require error.
type Bridge = typeof import('../../../lib/validation/classValidatorBridge');

const storageKey = 'classValidatorMetadataStorage';

describe('classValidatorBridge', () => {
  const global = globalThis as Record<string, unknown>;
  const previous = global[storageKey];
  afterEach(() => {
    if (previous === undefined) delete global[storageKey];
    else global[storageKey] = previous;
  });

  it('does not load class-validator while no class carries its decorators', () => {
    delete global[storageKey];
    jest.isolateModules(() => {
      jest.doMock('class-validator', () => {
        throw new Error('class-validator must not be loaded');
      });
      const { usesClassValidator } = jest.requireActual<Bridge>('../../../lib/validation/classValidatorBridge');
      expect(usesClassValidator(class Plain {}, 'Plain')).toBe(false);
    });
  });

  it('is a SchemaError naming the model when its decorators ran but the package cannot be loaded', () => {
    global[storageKey] = {};
    jest.isolateModules(() => {
      jest.doMock('class-validator', () => {
        throw new Error("Cannot find module 'class-validator'");
      });
      const { usesClassValidator } = jest.requireActual<Bridge>('../../../lib/validation/classValidatorBridge');
      let thrown: unknown;
      try {
        usesClassValidator(class UserData {}, 'UserData');
      } catch (error) {
        thrown = error;
      }
      // the module registry is isolated, so the class is another copy of SchemaError: compare names
      expect(thrown).toMatchObject({
        name: 'SchemaError',
        modelName: 'UserData',
        message: expect.stringMatching(
          /^UserData: class-validator's decorators are in use, but dynamodb-decorators cannot load class-validator \(Error: Cannot find module 'class-validator'\): install it/,
        ),
      });
    });
  });
});
