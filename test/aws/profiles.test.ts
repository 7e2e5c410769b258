import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownProfiles, profileFiles, unknownProfileProblem } from '../../src/aws/profiles.js';

function files(config: string, credentials?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'hw-profiles-'));
  writeFileSync(join(dir, 'config'), config);
  if (credentials !== undefined) writeFileSync(join(dir, 'credentials'), credentials);
  return { config: join(dir, 'config'), credentials: join(dir, 'credentials') };
}

describe('AWS profiles', () => {
  it('reads profile names from config ("[profile x]", "[default]") and credentials ("[x]"), skipping sso-session sections', () => {
    const f = files(
      '[default]\nregion = us-east-1\n[profile clinic-prod]\nsso_session = clinic\n[sso-session clinic]\nsso_region = us-east-1\n',
      '[ci]\naws_access_key_id = AKIA\n',
    );
    expect(knownProfiles(f).sort()).toEqual(['ci', 'clinic-prod', 'default']);
    expect(unknownProfileProblem('clinic-prod', f)).toBeUndefined();
    expect(unknownProfileProblem('ci', f)).toBeUndefined();
  });

  it('names an unknown profile, the files searched and the known ones', () => {
    const f = files('[profile clinic-prod]\n');
    expect(unknownProfileProblem('clinic', f)).toBe(`The AWS profile "clinic" is not defined in ${f.config} or ${f.credentials}. Known profiles: clinic-prod.`);
  });

  it('follows AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, else ~/.aws', () => {
    expect(profileFiles({ AWS_CONFIG_FILE: '/x/config', AWS_SHARED_CREDENTIALS_FILE: '/x/creds', HOME: '/home/d' })).toEqual({ config: '/x/config', credentials: '/x/creds' });
    expect(profileFiles({ HOME: '/home/d' })).toEqual({ config: '/home/d/.aws/config', credentials: '/home/d/.aws/credentials' });
  });
});
