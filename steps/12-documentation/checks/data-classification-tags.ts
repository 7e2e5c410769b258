import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult, Settings } from '../../../src/engine/model.js';
import { listNames, plural, summarize, unreadableResource } from '../../../src/engine/outcome.js';
import type { Tags } from '../../../src/engine/phi.js';
import { globalSlice, regionalSlice } from '../../../src/engine/state.js';

/** The tag keys that classify data, taken from the PHI tag rules ("data-classification=phi" → "data-classification"). */
export function classificationKeys(settings: Pick<Settings, 'phiTags'>): string[] {
  return [...new Set(settings.phiTags.map((t) => (t.split('=')[0] ?? '').trim().toLowerCase()).filter(Boolean))];
}

export default defineCheck({
  id: 'data-classification-tags',
  title: 'Every data store says whether it holds ePHI',
  severity: 'medium',
  hipaa: { section: '164.316(a)', obligation: 'required' },
  hitrust: ['07.d', '07.a'],
  needs: { global: ['s3.buckets'], regional: ['rds.instances', 'rds.clusters', 'dynamodb.tables', 'efs.fileSystems', 'tagging.dataStores'] },
  why: 'Policies apply to ePHI, so every store must say whether it holds some; an untagged database is one that no backup, encryption or logging rule in this tool (or your own policies) knows to protect.',
  evaluate(state, { settings }) {
    const keys = classificationKeys(settings);
    const classified = (tags: Tags) => Object.keys(tags).some((k) => keys.includes(k.toLowerCase()));
    const resources: ResourceResult[] = [];
    const seen = new Set<string>();
    const judge = (arn: string, label: string, region: string, tags: Tags) => {
      seen.add(arn);
      resources.push(
        classified(tags)
          ? { id: arn, region, status: 'pass', detail: `${label} in ${region} is classified.` }
          : { id: arn, region, status: 'fail', detail: `${label} in ${region} has no classification tag.` },
      );
    };
    const buckets = globalSlice(state, 's3.buckets');
    if (buckets.ok) {
      for (const b of buckets.value) {
        if (b.tags.ok) judge(b.arn, `Bucket ${b.name}`, b.region, b.tags.value);
        else resources.push(unreadableResource(`bucket ${b.name}`, b.region, b.tags.error));
      }
    } else resources.push(unreadableResource('S3 buckets', undefined, buckets.error));
    for (const region of state.regions) {
      const rds = regionalSlice(state, 'rds.instances', region);
      if (rds.ok) {
        for (const i of rds.value) if (!i.clusterId) judge(i.arn, `Database ${i.id}`, region, i.tags);
      } else resources.push(unreadableResource(`RDS instances in ${region}`, region, rds.error));
      const clusters = regionalSlice(state, 'rds.clusters', region);
      if (clusters.ok) {
        for (const c of clusters.value) judge(c.arn, `Cluster ${c.id}`, region, c.tags);
      } else resources.push(unreadableResource(`RDS clusters in ${region}`, region, clusters.error));
      const tables = regionalSlice(state, 'dynamodb.tables', region);
      if (tables.ok) {
        for (const t of tables.value) {
          if (t.tags.ok) judge(t.arn, `Table ${t.name}`, region, t.tags.value);
          else resources.push(unreadableResource(`DynamoDB table ${t.name}`, region, t.tags.error));
        }
      } else resources.push(unreadableResource(`DynamoDB tables in ${region}`, region, tables.error));
      const efs = regionalSlice(state, 'efs.fileSystems', region);
      if (efs.ok) {
        for (const f of efs.value) judge(f.arn, `File system ${f.id}`, region, f.tags);
      } else resources.push(unreadableResource(`EFS file systems in ${region}`, region, efs.error));
      // Other stores (Redshift, ElastiCache, OpenSearch, FSx, EBS) are known only through the tagging API.
      const tagged = regionalSlice(state, 'tagging.dataStores', region);
      if (tagged.ok) {
        for (const r of tagged.value) {
          if (seen.has(r.arn) || r.arn.startsWith('arn:aws:s3:') || r.arn.includes(':ec2:')) continue;
          judge(r.arn, r.arn.split(':').slice(2, 3)[0] + ' ' + (r.arn.split(/[:/]/).pop() ?? r.arn), region, r.tags);
        }
      } else resources.push(unreadableResource(`tagged resources in ${region}`, region, tagged.error));
    }
    return summarize(resources, {
      none: `No data store exists in ${state.regions.join(', ')}.`,
      pass: (n) => `Every data store carries a classification tag (${keys.join(', ')}; ${plural(n, 'store')} checked).`,
      fail: (bad) => `${plural(bad.length, 'data store')} ${bad.length === 1 ? 'does' : 'do'} not say whether ${bad.length === 1 ? 'it holds' : 'they hold'} ePHI (tag ${keys.join(' or ')}): ${listNames(bad.map((r) => r.detail.replace(/ has no classification tag\.$/, '')))}.`,
    });
  },
});
