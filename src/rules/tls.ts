/** TLS helpers for the transmission checks: bucket policies that refuse plain HTTP, and old TLS versions. */
import type { PolicyDocument } from '../state/iam.js';
import { actionMatches, asList, principals, statements } from './policy.js';

/** Protocol names that are older than TLS 1.2, as ELB and CloudFront spell them. */
export const OLD_PROTOCOLS = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);

/** Whether a bucket policy has a Deny for everyone when aws:SecureTransport is false. */
export function deniesInsecureTransport(doc: PolicyDocument | null, bucket: string): boolean {
  return statements(doc).some((s) => {
    if (s.Effect !== 'Deny') return false;
    if (!principals(s).includes('*')) return false;
    if (!asList(s.Action).some((a) => actionMatches(a, 's3:GetObject'))) return false;
    const names = asList(s.Resource);
    if (!names.some((r) => r === '*' || r.includes(`:s3:::${bucket}`))) return false;
    return Object.entries(s.Condition ?? {}).some(
      ([op, kv]) => /^Bool(IfExists)?$/i.test(op) && Object.entries(kv).some(([k, v]) => k.toLowerCase() === 'aws:securetransport' && asList(v).some((x) => x.toLowerCase() === 'false')),
    );
  });
}

/** ELB policy names that allow only TLS 1.2 or newer, for when DescribeSSLPolicies could not be read. */
export function modernElbPolicyName(name: string): boolean {
  return /TLS13-1-[23]|TLS-1-2|FS-1-2|TLS13-1-3/.test(name);
}

/** CloudFront minimum protocol versions that allow only TLS 1.2 or newer. */
export const isModernCloudFront = (v: string | null): boolean => !!v && /^TLSv1\.[23]_/.test(v);
