import { canonicalJson } from '../../core/export/canonical-json';
import { FraudRingsError } from '../../core/errors';

describe('canonicalJson', () => {
  it('sorts keys by code point at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: 0, y: null }], c: 'x' }, A: true })).toBe(
      '{"A":true,"a":{"c":"x","d":[3,1,{"y":null,"z":0}]},"b":1}',
    );
    // U+1F600 (a surrogate pair in UTF-16) sorts after U+FF5E in code-point order, before it in UTF-16 order.
    expect(canonicalJson({ '\u{1F600}': 1, '\uFF5E': 2 })).toBe('{"\uFF5E":2,"\u{1F600}":1}');
  });

  it('drops undefined members like JSON.stringify and honours toJSON', () => {
    expect(canonicalJson({ a: undefined, b: [undefined], c: new Date(Date.UTC(2026, 0, 1)) })).toBe(
      '{"b":[null],"c":"2026-01-01T00:00:00.000Z"}',
    );
  });

  it('refuses values with no canonical form', () => {
    for (const bad of [{ x: Number.NaN }, { x: Infinity }, { x: BigInt(1) }, { x: () => 1 }]) {
      const err = (() => {
        try {
          canonicalJson(bad);
          return null;
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(FraudRingsError);
      expect((err as FraudRingsError).code).toBe('NOT_CANONICAL');
    }
  });
});
