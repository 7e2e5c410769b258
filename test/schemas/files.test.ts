/** The schema builder's sentences, and the wizard's position file read through its schema. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/engine/registry.js';
import { fieldPath, problemsOf, Type } from '../../src/schemas/schema.js';
import { POSITION_FILE, readPosition } from '../../src/wizard/services.js';

describe('schema problems', () => {
  const S = Type.Object({
    name: Type.String(),
    size: Type.Optional(Type.Integer({ minimum: 1 })),
    tags: Type.Record(Type.Array(Type.String())),
    kind: Type.Enum(['a', 'b'] as const),
    either: Type.Optional(Type.Union([Type.Object({ x: Type.Number() }), Type.Object({ y: Type.Boolean() })], { description: '{"x": number} or {"y": true or false}' })),
  });

  it('names each field by its path, in plain words', () => {
    expect(problemsOf(S, { name: 1, size: 0, tags: { 'us-east-1': ['ok', 3] }, kind: 'c', extra: true }, 'the thing')).toEqual([
      'unknown field "extra" in the thing',
      'name must be text',
      'size must be at least 1',
      'tags["us-east-1"][1] must be text',
      'kind must be one of a, b, not "c"',
    ]);
    expect(problemsOf(S, [], 'the thing')).toEqual(['the thing must be an object']);
    expect(problemsOf(S, { tags: {}, kind: 'a' })).toEqual(['name is missing']);
  });

  it('gives a union one phrase, not every alternative complaint', () => {
    expect(problemsOf(S, { name: 'n', tags: {}, kind: 'a', either: { x: 'one' } })).toEqual(['either must be {"x": number} or {"y": true or false}']);
    expect(problemsOf(S, { name: 'n', tags: {}, kind: 'a', either: { y: false } })).toEqual([]);
  });

  it('renders JSON pointers as a person reads them', () => {
    expect(fieldPath('/regional/us-west-2/ec2.instances')).toBe('regional["us-west-2"]["ec2.instances"]');
    expect(fieldPath('/actions/0/input', 'Bucket')).toBe('actions[0].input.Bucket');
    expect(fieldPath('')).toBe('');
  });
});

describe("the wizard's position file", () => {
  it('resumes from a well-formed file, and starts afresh from a damaged one without touching it', async () => {
    const registry = await loadRegistry();
    const dir = mkdtempSync(join(tmpdir(), 'hw-pos-'));
    const [first, second] = registry.steps;
    writeFileSync(join(dir, POSITION_FILE), JSON.stringify({ stepId: second!.id, done: [first!.id, 'gone-step'], savedAt: '2026-11-24T00:00:00Z' }));
    expect(await readPosition(dir, registry)).toEqual({ stepId: second!.id, done: [first!.id] });
    for (const damaged of ['{"stepId": 3}', '{"stepId": "x"', JSON.stringify({ stepId: second!.id, done: 'all' })]) {
      writeFileSync(join(dir, POSITION_FILE), damaged);
      expect(await readPosition(dir, registry)).toBeUndefined();
      expect(readFileSync(join(dir, POSITION_FILE), 'utf8')).toBe(damaged);
    }
  });
});
