/** The demo clinic's access key ids, matching the two active keys in its credential report (src/demo/parts/iam.ts). */
import { ok } from '../../engine/state.js';
import type { DemoPart } from '../types.js';

const part: DemoPart = (clock) => ({
  global: {
    'iamkeys.accessKeys': ok([
      { user: 'ci-deploy', accessKeyId: 'AKIADEMOCIDEPLOY0001', status: 'Active', createDate: clock.daysAgo(212) },
      { user: 'old-contractor', accessKeyId: 'AKIADEMOCONTRACTOR01', status: 'Active', createDate: clock.daysAgo(470) },
    ]),
  },
});

export default part;
