import type { ResourceResult } from '../../../src/engine/model.js';
import { defineCheck } from '../../../src/engine/define.js';
import { listNames, read, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';
import { globalSlice } from '../../../src/engine/state.js';
import { bucketResource } from '../../../src/rules/s3.js';

export default defineCheck({
  id: 's3-public-buckets',
  title: 'No bucket is readable or writable by the public',
  severity: 'critical',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['01.m', '09.m'],
  needs: { global: ['s3.buckets', 's3control.publicAccessBlock'] },
  why: 'A public bucket is the most common way health records end up on the internet; S3 itself judges the policy public, and an ACL granting AllUsers does the same.',
  evaluate(state) {
    const account = globalSlice(state, 's3control.publicAccessBlock');
    const acct = account.ok ? account.value : null;
    const resources: ResourceResult[] = read(state, 's3.buckets').map((b) => {
      if (!b.policyStatus.ok) return unreadableResource(`bucket ${b.name}`, b.region, b.policyStatus.error);
      if (!b.acl.ok) return unreadableResource(`bucket ${b.name}`, b.region, b.acl.error);
      const pab = b.publicAccessBlock.ok ? b.publicAccessBlock.value : null;
      const policyPublic = !!b.policyStatus.value?.isPublic && !(pab?.restrictPublicBuckets || acct?.restrictPublicBuckets);
      const aclPublic = b.acl.value.publicGrants.length > 0 && !(pab?.ignorePublicAcls || acct?.ignorePublicAcls);
      const ways = [...(policyPublic ? ['its bucket policy'] : []), ...(aclPublic ? [`its ACL (${b.acl.value.publicGrants.join(', ')})`] : [])];
      return ways.length
        ? bucketResource(b, 'fail', `Bucket ${b.name} in ${b.region} is public through ${ways.join(' and ')}.`)
        : bucketResource(b, 'pass', `Bucket ${b.name} in ${b.region} is not public.`);
    });
    return summarize(resources, {
      pass: (n) => `No bucket is public (${plural(n, 'bucket')} checked).`,
      fail: (f) => `${f.length} bucket${f.length === 1 ? ' is' : 's are'} open to the public: ${listNames(f.map((r) => r.detail.replace(/^Bucket /, '').replace(/\.$/, '')), 2)}.`,
      none: 'The account has no S3 buckets.',
    });
  },
});
