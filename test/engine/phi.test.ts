/** ePHI scope: which tags mark a resource as holding ePHI, and what scoped checks say when none do. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/engine/model.js';
import { isPhi } from '../../src/engine/phi.js';
import type { RdsInstance } from '../../src/state/rds.js';
import { runCheckById } from '../helpers/run-check.js';
import { ACCOUNT, ctx, state } from '../helpers/state.js';

describe('isPhi', () => {
  it('matches the default data-classification=phi however AWS users spell the key and value', () => {
    const spellings: Record<string, string>[] = [
      { DataClassification: 'PHI' },
      { data_classification: 'Phi' },
      { 'Data Classification': 'phi' },
      { 'data-classification': 'phi' },
      { dataClassification: 'PHI ' },
      { PHI: 'True' },
      { EPHI: 'TRUE' },
    ];
    for (const tags of spellings) {
      expect(isPhi(tags, DEFAULT_SETTINGS), JSON.stringify(tags)).toBe(true);
    }
  });
  it('does not match other values, other keys, or a key-only rule set to an explicit no', () => {
    expect(isPhi({ DataClassification: 'Public' }, DEFAULT_SETTINGS)).toBe(false);
    expect(isPhi({ Classification: 'PHI' }, DEFAULT_SETTINGS)).toBe(false);
    expect(isPhi({ ContainsPHI: 'N/A' }, { phiTags: ['contains-phi'] })).toBe(false);
    expect(isPhi({ ContainsPHI: 'yes' }, { phiTags: ['contains-phi'] })).toBe(true);
  });
});

describe('checks scoped to ePHI when nothing carries an ePHI tag', () => {
  const db = (tags: Record<string, string>) =>
    ({ id: 'records', arn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:records`, clusterId: null, multiAZ: false, tags }) as unknown as RdsInstance;
  it('rds-multi-az judges a database tagged DataClassification=PHI', async () => {
    const f = await runCheckById('rds-multi-az', state({ regional: { 'us-east-1': { 'rds.instances': [db({ DataClassification: 'PHI' })] } } }));
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/records \(us-east-1\)/);
  });
  it('says which tags it looked for and names --phi-tags instead of passing', async () => {
    const f = await runCheckById('rds-multi-az', state({ regional: { 'us-east-1': { 'rds.instances': [db({ Sensitivity: 'PHI' })] } } }));
    expect(f.status).toBe('unknown');
    expect(f.message).toBe(
      'No RDS database in us-east-1 carries an ePHI tag (looked for phi=true, data-classification=phi or ephi=true), so Multi-AZ standby for ePHI could not be judged. Tag the resources that hold ePHI, or name the tags your organisation uses with --phi-tags.',
    );
    const own = await runCheckById('rds-multi-az', state({ regional: { 'us-east-1': { 'rds.instances': [db({ Sensitivity: 'PHI' })] } } }), ctx({ phiTags: ['sensitivity=phi'] }));
    expect(own.status).toBe('fail');
  });
  it('does the same for backup coverage, S3 replication and ePHI subnets', async () => {
    const s = state({
      global: { 's3.buckets': [] },
      regional: {
        'us-east-1': {
          'backup.plans': [],
          'backup.protectedResources': [],
          'backup.recoveryPoints': [],
          'rds.instances': [db({ Sensitivity: 'PHI' })],
          'rds.clusters': [],
          'dynamodb.tables': [],
          'efs.fileSystems': [],
          'ec2.instances': [],
          'ec2.subnets': [],
          'ec2.routeTables': [],
        },
      },
    });
    for (const id of ['backup-ephi-coverage', 's3-replication-ephi', 'phi-subnet-igw-route']) {
      const f = await runCheckById(id, s);
      expect(f.status, id).toBe('unknown');
      expect(f.message, id).toMatch(/carries an ePHI tag \(looked for phi=true, data-classification=phi or ephi=true\).*--phi-tags\.$/);
    }
  });
});
