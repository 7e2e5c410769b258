/** ACM, per region: certificates of every key type, with status, expiry and whether they are in use. */
import { ACMClient, KeyAlgorithm, paginateListCertificates } from '@aws-sdk/client-acm';
import { type CollectorSet, regionalCollector } from '../collector.js';
import type { Certificate } from '../../state/acm.js';

export const collectors: CollectorSet = {
  'acm.certificates': regionalCollector(['acm:ListCertificates'], async (ctx, region) => {
    const out: Certificate[] = [];
    // Without Includes.keyTypes, ListCertificates returns only RSA 2048 certificates.
    const keyTypes = Object.values(KeyAlgorithm);
    for await (const page of paginateListCertificates({ client: ctx.clients.get(ACMClient, region), pageSize: 1000 }, { Includes: { keyTypes } })) {
      for (const c of page.CertificateSummaryList ?? []) {
        out.push({
          arn: c.CertificateArn ?? '',
          domain: c.DomainName ?? '',
          status: c.Status ?? '',
          type: c.Type ?? '',
          notAfter: c.NotAfter ? new Date(c.NotAfter).toISOString() : null,
          inUse: c.InUse ?? false,
          renewalEligibility: c.RenewalEligibility ?? null,
          keyAlgorithm: c.KeyAlgorithm ?? null,
        });
      }
    }
    return out;
  }),
};
