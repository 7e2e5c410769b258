import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/lib/hash.js';
import { canonicalJson } from '../../src/lib/json.js';

// A register entry with what real bodies hold: nested objects, an undefined member, an undefined
// array element, non-ASCII text, -0 and an exponent. The text and hash below were produced by the
// register's canonical form before it moved to src/lib: every register written since must still verify.
const entry = {
  v: 1,
  seq: 1,
  id: 'D-0001',
  kind: 'decision',
  at: '2026-03-01T12:00:00.000Z',
  by: 'dana@clinic.example',
  body: {
    subject: 'password-policy',
    status: 'alternative',
    reason: 'SSO enforces the policy upstream.',
    reviewBy: '2027-03-01',
    note: undefined,
    evidence: [{ path: 'sso.pdf', sha256: 'ab' }, undefined],
    Zed: 'é ☃ "q"',
    n: -0,
    big: 1e21,
  },
  prev: '0'.repeat(64),
};
const ENTRY_TEXT =
  '{"at":"2026-03-01T12:00:00.000Z","body":{"Zed":"é ☃ \\"q\\"","big":1e+21,"evidence":[{"path":"sso.pdf","sha256":"ab"},null],"n":0,"reason":"SSO enforces the policy upstream.","reviewBy":"2027-03-01","status":"alternative","subject":"password-policy"},"by":"dana@clinic.example","id":"D-0001","kind":"decision","prev":"0000000000000000000000000000000000000000000000000000000000000000","seq":1,"v":1}';

// State slices a plan read, with a missing slice (null), an undefined member and element, and a NaN.
// Text and hash produced by the plan's canonical form before it moved: saved plans keep their basis.
const slices = {
  global: { passwordPolicy: null, iamUsers: [{ UserName: 'ana', MfaDevices: [], Tags: undefined }, undefined] },
  regional: { 'us-east-1': { s3Buckets: [{ Name: 'phi', Versioning: 'Enabled', Size: Number.NaN }], kmsKeys: undefined } },
};
const SLICES_TEXT = '{"global":{"iamUsers":[{"MfaDevices":[],"UserName":"ana"},null],"passwordPolicy":null},"regional":{"us-east-1":{"s3Buckets":[{"Name":"phi","Size":null,"Versioning":"Enabled"}]}}}';

describe('canonicalJson, the register form (default)', () => {
  it('writes a register entry byte for byte as before, so its hash still verifies', () => {
    expect(canonicalJson(entry)).toBe(ENTRY_TEXT);
    expect(sha256Hex(canonicalJson(entry))).toBe('cd0eaed25bdb1c3aefb045d2a5dc6e804b3fc1509bc3c794485721846a9df08b');
  });

  it('sorts keys at every depth, drops undefined members, keeps array order and writes undefined elements as null', () => {
    expect(canonicalJson({ b: [3, 1, { y: 1, x: [undefined, null] }], a: { d: 1, c: undefined } })).toBe('{"a":{"d":1},"b":[3,1,{"x":[null,null],"y":1}]}');
    expect(canonicalJson({ B: 1, a: 2, _: 3 })).toBe('{"B":1,"_":3,"a":2}'); // code-unit order, not locale order
  });

  it('gives equal text for equal data written in any key order', () => {
    expect(canonicalJson({ x: { q: 1, p: [1, 2] }, w: 'v' })).toBe(canonicalJson({ w: 'v', x: { p: [1, 2], q: 1 } }));
  });

  it('refuses what JSON cannot hold, before anything is hashed', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN cannot be stored/);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(/cannot be stored/);
    expect(() => canonicalJson(undefined)).toThrow(/a undefined cannot be stored/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/a function cannot be stored/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/a bigint cannot be stored/);
  });
});

describe("canonicalJson, the plan's form (unrepresentable: 'null')", () => {
  const plan = (v: unknown) => canonicalJson(v, { unrepresentable: 'null' });

  it('writes state slices byte for byte as before, so a saved basis still matches', () => {
    expect(plan(slices)).toBe(SLICES_TEXT);
    expect(sha256Hex(plan(slices))).toBe('b4eb20762053a01fe96d51484b2e2d595dc2e5e309f3960b39dfe8b712be02a1');
  });

  it('writes null for undefined, NaN and Infinity instead of refusing them', () => {
    expect(plan(undefined)).toBe('null');
    expect(plan([undefined, Number.NaN, Number.NEGATIVE_INFINITY])).toBe('[null,null,null]');
    expect(plan({ a: undefined, b: Number.NaN })).toBe('{"b":null}');
  });

  it('agrees with the register form on everything JSON can hold', () => {
    expect(plan(entry)).toBe(canonicalJson(entry));
    expect(plan({ z: [1, 'two', true, null, { k: {} }] })).toBe(canonicalJson({ z: [1, 'two', true, null, { k: {} }] }));
  });
});
