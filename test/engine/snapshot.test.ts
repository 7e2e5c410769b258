import { describe, expect, it } from 'vitest';
import { buildDemoState } from '../../src/demo/account.js';
import { parseSnapshot, SnapshotError, serializeSnapshot } from '../../src/engine/snapshot.js';

const demo = () => buildDemoState(new Date('2026-11-24T12:00:00Z'));
const parseError = (text: string) => {
  try {
    parseSnapshot(text, 'account.json');
  } catch (e) {
    if (e instanceof SnapshotError) return e.message;
    throw e;
  }
  throw new Error('parsed without error');
};

describe('snapshots', () => {
  it('round-trips a state', () => {
    const s = demo();
    expect(parseSnapshot(serializeSnapshot(s), 'account.json')).toEqual(JSON.parse(JSON.stringify(s)));
  });

  it('names invalid JSON', () => {
    expect(parseError('{"formatVersion": 1,')).toMatch(/^The snapshot account\.json cannot be read: it is not valid JSON \(/);
  });

  it('names a newer format version and says to upgrade', () => {
    const text = JSON.stringify({ ...demo(), formatVersion: 99 });
    expect(parseError(text)).toMatch(/account\.json was written in snapshot format 99 by a newer hipaa-wizard; this version reads format 1\. Upgrade/);
  });

  it('names a file that is not a snapshot, and the missing field', () => {
    expect(parseError('[1,2]')).toBe('The snapshot account.json is not a hipaa-wizard snapshot: the file must be an object.');
    expect(parseError('{"hello": 1}')).toMatch(/^The snapshot account\.json is not a hipaa-wizard snapshot: formatVersion is missing \(and \d+ more problems\)\.$/);
    const { identity: _drop, ...rest } = demo();
    expect(parseError(JSON.stringify(rest))).toBe('The snapshot account.json is not a hipaa-wizard snapshot: identity is missing.');
    const noAccount = JSON.parse(serializeSnapshot(demo()));
    delete noAccount.identity.accountId;
    expect(parseError(JSON.stringify(noAccount))).toBe('The snapshot account.json is not a hipaa-wizard snapshot: identity.accountId is missing.');
  });

  it('names the field that has the wrong type, by its position', () => {
    const s = JSON.parse(serializeSnapshot(demo()));
    s.regions[2] = 5;
    expect(parseError(JSON.stringify(s))).toBe('The snapshot account.json is not a hipaa-wizard snapshot: regions[2] must be text.');
    const a = JSON.parse(serializeSnapshot(demo()));
    a.identity.accountId = 'prod';
    expect(parseError(JSON.stringify(a))).toBe('The snapshot account.json is not a hipaa-wizard snapshot: identity.accountId must be a twelve-digit AWS account id.');
    const x = JSON.parse(serializeSnapshot(demo()));
    x.colour = 'blue';
    expect(parseError(JSON.stringify(x))).toBe('The snapshot account.json is not a hipaa-wizard snapshot: unknown field "colour" in the file.');
  });

  it('names the bad slice and region', () => {
    const s = JSON.parse(serializeSnapshot(demo()));
    s.regional['us-west-2']['ec2.instances'] = { value: [] };
    expect(parseError(JSON.stringify(s))).toBe(
      'The snapshot account.json is not a hipaa-wizard snapshot: regional["us-west-2"]["ec2.instances"] must be {"ok": true, "value": …} or {"ok": false, "error": {"code", "kind", "message"}}.',
    );
    const g = JSON.parse(serializeSnapshot(demo()));
    g.global['iam.passwordPolicy'] = { ok: false, error: { code: 'AccessDenied' } };
    expect(parseError(JSON.stringify(g))).toMatch(/: global\["iam\.passwordPolicy"\] must be \{"ok": true, "value": …\} or \{"ok": false, "error": \{"code", "kind", "message"\}\}\.$/);
  });
});
