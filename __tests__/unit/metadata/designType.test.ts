import 'reflect-metadata';
import { EdgeData, EventData, PhoneData } from '../../fixtures/models';
import { designType } from '../../../lib/metadata/store';

// Every inferred type depends on `design:type`. esbuild-based runners drop it silently and
// the schema then fails (or worse, infers something else); this test makes that loud.
describe('design:type emitted by the test transform', () => {
  it.each([
    [PhoneData, 'person_id', Number],
    [PhoneData, 'name', String],
    [EventData, 'at', Number],
    [EdgeData, 'big', BigInt],
    [EdgeData, 'flag', Boolean],
    [EdgeData, 'when', Date],
    [EdgeData, 'bytes', Uint8Array],
    [EdgeData, 'list', Array],
    [EdgeData, 'map', Object],
    [EdgeData, 'tags', Set],
    [EdgeData, 'first-name', String],
  ] as const)('%p.%s is %p', (model, property, expected) => {
    expect(Reflect.getMetadata('design:type', model.prototype, property)).toBe(expected);
    expect(designType(model, property)).toBe(expected);
  });
});
