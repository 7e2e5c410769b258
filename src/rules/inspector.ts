/**
 * Shared by the patch-SLA checks: open Inspector findings of one severity, aged against the SLA.
 * A region where Inspector scans nothing is `unknown` there (nothing can be said about its
 * vulnerabilities), never a silent pass.
 */
import type { InspectorFinding, InspectorStatus } from '../state/inspector2.js';
import type { Outcome, ResourceResult } from '../engine/model.js';
import { daysBetween, listNames, perRegion, plural, summarize } from '../engine/outcome.js';
import type { AccountState } from '../engine/state.js';
import { regionalSlice } from '../engine/state.js';

export const scanning = (s: string) => s === 'ENABLED' || s === 'ENABLING';
export const scansAnything = (s: InspectorStatus) => scanning(s.ec2) || scanning(s.ecr) || scanning(s.lambda);

const KIND: Record<string, string> = {
  AWS_EC2_INSTANCE: 'instance',
  AWS_ECR_CONTAINER_IMAGE: 'image',
  AWS_ECR_REPOSITORY: 'repository',
  AWS_LAMBDA_FUNCTION: 'function',
};

export function describeFinding(f: InspectorFinding): string {
  const what = f.vulnerabilityId ?? f.title;
  return `${KIND[f.resourceType] ?? 'resource'} ${shortId(f.resourceId)}: ${what}`;
}

/** A short name: repository@digest for an image, the last part of another ARN, or the id itself. */
export function shortId(id: string): string {
  const image = /repository\/(.+)\/sha256:([0-9a-f]{12})[0-9a-f]*$/.exec(id);
  if (image) return `${image[1]}@sha256:${image[2]}…`;
  return id.startsWith('arn:') ? (id.split(/[:/]/).pop() ?? id) : id;
}

export function overdue(state: AccountState, now: Date, severity: 'CRITICAL' | 'HIGH', slaDays: number): Outcome {
  const label = severity.toLowerCase();
  const resources: ResourceResult[] = perRegion(state, 'inspector2.findings', (findings, region) => {
    const status = regionalSlice(state, 'inspector2.status', region);
    if (status.ok && !scansAnything(status.value)) {
      return [{ id: `Inspector in ${region}`, region, status: 'unknown', detail: `Inspector scans nothing in ${region}, so its open ${label} vulnerabilities are not known.` }];
    }
    const out: ResourceResult[] = [];
    let recent = 0;
    for (const f of findings.filter((x) => x.severity === severity)) {
      const age = f.firstObservedAt ? daysBetween(f.firstObservedAt, now) : null;
      if (age !== null && age <= slaDays) {
        recent++;
        continue;
      }
      out.push({
        id: f.arn,
        region,
        status: 'fail',
        detail: `${describeFinding(f)} in ${region}, open ${age === null ? 'since an unknown date' : `${age} days`} (limit ${slaDays})${f.fixAvailable === 'YES' ? ', a fix is available' : ''}.`,
      });
    }
    if (out.length === 0) {
      out.push({
        id: `Inspector in ${region}`,
        region,
        status: 'pass',
        detail: recent ? `${plural(recent, `open ${label} finding`)} in ${region}, all within ${slaDays} days.` : `No open ${label} finding in ${region}.`,
      });
    }
    return out;
  });
  return summarize(resources, {
    pass: () => `No ${label} vulnerability found by Inspector has been open longer than ${slaDays} days in ${state.regions.join(', ')}.`,
    fail: (bad) =>
      `${plural(bad.length, `${label} vulnerability`, `${label} vulnerabilities`)} ${bad.length === 1 ? 'has' : 'have'} been open longer than the ${slaDays}-day patch limit: ${listNames(bad.map((r) => r.detail.replace(/, open .*$/, '')))}.`,
  });
}
