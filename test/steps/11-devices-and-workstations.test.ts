/** Step 11: WorkSpaces encryption, unattached volumes, and the device attestations' fields and lapsing. */
import { describe, expect, it } from 'vitest';
import type { EbsVolume } from '../../src/state/ec2.js';
import type { Workspace } from '../../src/state/workspaces.js';
import { EMPTY_RECORDS, type AttestationAnswer } from '../../src/engine/model.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { runAttestation } from '../../src/engine/runner.js';
import { runCheckById } from '../helpers/run-check.js';
import { NOW, ctx, daysAgo, denied, state } from '../helpers/state.js';

const ws = (id: string, root: boolean, user: boolean): Workspace => ({
  id,
  userName: 'ann',
  directoryId: 'd-1',
  state: 'AVAILABLE',
  rootVolumeEncrypted: root,
  userVolumeEncrypted: user,
  kmsKey: null,
});
const vol = (id: string, attachedTo: string[], o: Partial<EbsVolume> = {}): EbsVolume => ({
  id,
  encrypted: true,
  kmsKeyId: null,
  state: attachedTo.length ? 'in-use' : 'available',
  sizeGiB: 100,
  attachedTo,
  tags: {},
  ...o,
});

describe('workspaces-encryption', () => {
  const s = (w: unknown) => state({ regional: { 'us-east-1': { 'workspaces.workspaces': w as never } } });
  it('passes when both volumes of every WorkSpace are encrypted', async () => {
    expect((await runCheckById('workspaces-encryption', s([ws('ws-1', true, true)]))).status).toBe('pass');
  });
  it('fails naming the WorkSpace, its user and the plain volume', async () => {
    const f = await runCheckById('workspaces-encryption', s([ws('ws-2', true, false)]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/1 WorkSpaces desktop stores data unencrypted: ws-2 \(ann, us-east-1\)/);
    expect(f.resources[0]?.detail).toMatch(/unencrypted user volume/);
  });
  it('is unknown naming workspaces:DescribeWorkspaces when refused', async () => {
    expect((await runCheckById('workspaces-encryption', s(denied('workspaces:DescribeWorkspaces')))).missing).toEqual(['workspaces:DescribeWorkspaces']);
  });
});

describe('unattached-volumes', () => {
  const s = (v: unknown) => state({ regional: { 'us-east-1': { 'ec2.volumes': v as never } } });
  it('passes when every volume is attached', async () => {
    expect((await runCheckById('unattached-volumes', s([vol('vol-1', ['i-1'])]))).status).toBe('pass');
  });
  it('fails naming an unattached volume, its size and whether it is encrypted', async () => {
    const f = await runCheckById('unattached-volumes', s([vol('vol-2', [], { encrypted: false, tags: { Name: 'old-billing' } })]));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/vol-2 \(old-billing\) \(us-east-1, 100 GiB, unencrypted\)/);
  });
  it('is unknown naming ec2:DescribeVolumes when refused', async () => {
    expect((await runCheckById('unattached-volumes', s(denied('ec2:DescribeVolumes')))).status).toBe('unknown');
  });
});

describe('device attestations', () => {
  it('ask for coverage as a percentage and the inventory date, and lapse', async () => {
    const registry = await loadRegistry();
    const disk = registry.attestation('disk-encryption');
    const step = registry.stepOf('disk-encryption');
    if (!disk || !step) throw new Error('disk-encryption is not registered');
    expect(disk.fields.map((f) => [f.name, f.kind])).toEqual(expect.arrayContaining([['coveragePercent', 'percent'], ['inventoryOn', 'date']]));
    expect(registry.attestation('lost-device-procedure')?.fields.some((f) => f.name === 'inventoryOn' && f.kind === 'date')).toBe(true);
    expect(registry.attestation('mdm-remote-wipe')?.fields.some((f) => f.kind === 'percent')).toBe(true);
    const given = (answer: AttestationAnswer['answer'], at: string): AttestationAnswer => ({
      id: 'A-1',
      attestation: 'disk-encryption',
      answer,
      fields: { coveragePercent: '86', devices: '14', inventoryOn: at.slice(0, 10), source: 'MDM' },
      attestedBy: 'dana',
      attestedAt: at,
    });
    const view = (a: AttestationAnswer) => ({ ...EMPTY_RECORDS, attestationFor: (id: string) => (id === a.attestation ? a : undefined) });
    expect(runAttestation(disk, step, ctx()).status).toBe('manual');
    expect(runAttestation(disk, step, ctx({}, NOW, view(given('yes', daysAgo(10))))).status).toBe('pass');
    expect(runAttestation(disk, step, ctx({}, NOW, view(given('partial', daysAgo(10))))).status).toBe('fail');
    const lapsed = runAttestation(disk, step, ctx({}, NOW, view(given('yes', daysAgo(200)))));
    expect(lapsed.status).toBe('fail');
    expect(lapsed.message).toMatch(/lapsed on/);
  });
});
