import { defineStep } from '../../src/engine/define.js';

export default defineStep({
  id: '01-access-controls',
  number: 1,
  title: 'Access Controls',
  intro: [
    'Everything else in this walk assumes you know who can reach patient data and that each of them is who they say they are. If two people share a login, or an old contractor still holds a working key, no log and no encryption setting can tell you who did what.',
    'HIPAA requires a unique identity for every user (§164.312(a)(2)(i)), an emergency-access procedure (§164.312(a)(2)(ii)) and proof that a person is who they claim to be (§164.312(d)). Automatic logoff (§164.312(a)(2)(iii)) and password management (§164.308(a)(5)(ii)(D)) are addressable: do them, or record why not and what you do instead.',
    'This step reads the root user, the password policy, the credential report and every IAM policy, and asks you about the things no API can show.',
  ].join('\n\n'),
  hipaa: [
    { section: '164.312(a)(1)', obligation: 'required' },
    { section: '164.312(a)(2)(i)', obligation: 'required' },
    { section: '164.312(d)', obligation: 'required' },
    { section: '164.308(a)(3)', obligation: 'required' },
    { section: '164.308(a)(4)', obligation: 'required' },
    { section: '164.308(a)(5)(ii)(D)', obligation: 'addressable' },
  ],
  hitrust: ['01.b', '01.c', '01.d', '01.j', '05.k', '02.g', '02.h', '02.i'],
});
