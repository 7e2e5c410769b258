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
    expect(parseError('{"formatVersion": 1,')).toMatch(/^account\.json is not valid JSON/);
  });

  it('names a newer format version and says to upgrade', () => {
    const text = JSON.stringify({ ...demo(), formatVersion: 99 });
    expect(parseError(text)).toMatch(/account\.json was written in snapshot format 99 by a newer hipaa-wizard; this version reads format 1\. Upgrade/);
  });

  it('names a file that is not a snapshot, and missing fields', () => {
    expect(parseError('[1,2]')).toMatch(/does not hold a hipaa-wizard snapshot/);
    expect(parseError('{"hello": 1}')).toMatch(/has no "formatVersion"/);
    const { identity: _drop, ...rest } = demo();
    expect(parseError(JSON.stringify(rest))).toMatch(/has no "identity\.accountId"/);
  });

  it('names the bad slice and region', () => {
    const s = JSON.parse(serializeSnapshot(demo()));
    s.regional['us-west-2']['ec2.instances'] = { value: [] };
    expect(parseError(JSON.stringify(s))).toBe('account.json: slice "ec2.instances" in us-west-2 must be {"ok": true, "value": …} or {"ok": false, "error": …}');
    const g = JSON.parse(serializeSnapshot(demo()));
    g.global['iam.passwordPolicy'] = { ok: false, error: { code: 'AccessDenied' } };
    expect(parseError(JSON.stringify(g))).toMatch(/global slice "iam\.passwordPolicy" has an error without "code", "kind" and "message"/);
  });
});
