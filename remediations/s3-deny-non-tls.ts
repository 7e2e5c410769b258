/**
 * Adds to the policy of each bucket the check s3-tls-only found failing a statement that denies any request not made over TLS. The bucket
 * policy is read, the statement merged in, and the whole policy written back: every existing
 * statement stays as it was. Undo writes the previous policy back (or removes the policy when the
 * bucket had none). A bucket that hosts a static website is left alone with a note: S3 website
 * endpoints answer only plain HTTP.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { read } from '../src/engine/outcome.js';
import { deniesInsecureTransport } from '../src/rules/tls.js';
import { denyNonTls, failingBuckets, mergeStatement, policyUndo } from './lib/s3.js';

export default defineRemediation({
  id: 's3-deny-non-tls',
  title: 'Refuse S3 requests that do not use TLS',
  fixes: ['s3-tls-only'],
  leavesAlone: ['website buckets (their endpoints serve only HTTP)', 'buckets whose website setting could not be read'],
  permissions: ['s3:PutBucketPolicy', 's3:DeleteBucketPolicy', 's3:GetBucketPolicy'],
  notes: ['Clients that still call S3 over plain HTTP (very old SDKs, misconfigured scripts) get Access Denied.'],
  plan(state, { failing, note }) {
    const actions: PlanAction[] = [];
    for (const b of failingBuckets(read(state, 's3.buckets'), failing('s3-tls-only'))) {
      if (!b.policy.ok || deniesInsecureTransport(b.policy.value, b.name)) continue;
      if (!b.website?.ok || b.website.value) {
        note(
          b.website?.ok
            ? `Bucket ${b.name} (${b.region}) is left without a TLS-only policy: it hosts a static website, and S3 website endpoints serve only plain HTTP, so the deny would take the site down; serve it through CloudFront over HTTPS first.`
            : `Bucket ${b.name} (${b.region}) is left without a TLS-only policy: whether it hosts a static website (served only over plain HTTP) could not be read (s3:GetBucketWebsite).`,
        );
        continue;
      }
      const before = b.policy.value as Parameters<typeof mergeStatement>[0];
      const merged = mergeStatement(before, denyNonTls(state.identity.partition, b.name));
      if (!merged) continue;
      const kept = Array.isArray(before?.Statement) ? before.Statement.length : before?.Statement ? 1 : 0;
      actions.push({
        effect: before ? '~' : '+',
        service: 's3',
        command: 'PutBucketPolicy',
        input: { Bucket: b.name, Policy: JSON.stringify(merged) },
        region: b.region,
        resource: `bucket ${b.name}`,
        summary: `Add a statement to the policy of ${b.name} (${b.region}) that denies requests without TLS${kept ? `, keeping its ${kept} existing statement${kept === 1 ? '' : 's'}` : ''}.`,
        reversible: true,
        undo: policyUndo(b, before),
      });
    }
    return actions;
  },
});
