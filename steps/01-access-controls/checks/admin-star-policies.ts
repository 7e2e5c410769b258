import type { InlinePolicy } from '../../../src/state/iam.js';
import { defineCheck } from '../../../src/engine/define.js';
import type { ResourceResult } from '../../../src/engine/model.js';
import { listNames, plural, read, summarize } from '../../../src/engine/outcome.js';
import { adminStatements, isAdministratorAccess } from '../iam-helpers.js';

export default defineCheck({
  id: 'admin-star-policies',
  title: 'No customer policy grants every action on every resource, and no one holds AdministratorAccess',
  severity: 'high',
  hipaa: { section: '164.308(a)(4)', obligation: 'required' },
  hitrust: ['01.c'],
  needs: { global: ['iam.authorization'] },
  why: 'A policy that allows "*" on "*" gives its holder the whole account, patient data included, which is the opposite of minimum necessary access; it is usually written in a hurry and forgotten.',
  evaluate(state) {
    const account = state.identity.accountId;
    const auth = read(state, 'iam.authorization');
    const resources: ResourceResult[] = [];
    for (const p of auth.policies) {
      const bad = adminStatements(p.document).length > 0;
      if (!bad) {
        resources.push({ id: p.arn, status: 'pass', detail: `Customer-managed policy ${p.name}: no full-admin statement.` });
      } else if (p.attachmentCount > 0) {
        resources.push({
          id: p.arn,
          status: 'fail',
          detail: `Customer-managed policy ${p.name} allows every action on every resource and is attached ${plural(p.attachmentCount, 'time')}.`,
        });
      } else {
        resources.push({ id: p.arn, status: 'pass', detail: `Customer-managed policy ${p.name} allows everything but is attached to nobody; consider deleting it.` });
      }
    }
    const inline = (kind: string, name: string, arn: string, list: readonly InlinePolicy[]) => {
      for (const pol of list) {
        const id = `${arn} inline policy ${pol.name}`;
        resources.push(
          adminStatements(pol.document).length > 0
            ? { id, status: 'fail', detail: `Inline policy ${pol.name} on ${kind} ${name} allows every action on every resource.` }
            : { id, status: 'pass', detail: `Inline policy ${pol.name} on ${kind} ${name}: no full-admin statement.` },
        );
      }
    };
    // AWS's own AdministratorAccess grants the same "*" on "*": every user, group and role it is attached to holds the whole account.
    const managedAdmin = (kind: string, name: string, arn: string, attached: readonly string[]) => {
      const admin = attached.find(isAdministratorAccess);
      if (admin) resources.push({ id: `${arn} attached ${admin}`, status: 'fail', detail: `AWS-managed policy AdministratorAccess on ${kind} ${name} allows every action on every resource.` });
    };
    for (const u of auth.users) {
      inline('user', u.name, u.arn, u.inlinePolicies);
      managedAdmin('user', u.name, u.arn, u.attachedPolicies);
    }
    for (const g of auth.groups) {
      inline('group', g.name, g.arn, g.inlinePolicies);
      managedAdmin('group', g.name, g.arn, g.attachedPolicies);
    }
    for (const r of auth.roles) {
      inline('role', r.name, r.arn, r.inlinePolicies);
      managedAdmin('role', r.name, r.arn, r.attachedPolicies);
    }
    return summarize(resources, {
      none: `Account ${account} has no customer-managed or inline IAM policies.`,
      pass: (n) => `None of the ${plural(n, 'customer-managed or inline policy', 'customer-managed or inline policies')} in account ${account} allows "*" on "*".`,
      fail: (bad) =>
        `${plural(bad.length, 'policy', 'policies')} in account ${account} ${bad.length === 1 ? 'allows' : 'allow'} every action on every resource: ${listNames(
          bad.map((r) => r.detail.replace(/ allows every action.*$/, '').replace(/^Customer-managed policy /, '')),
        )}; grant the specific actions the job needs instead, and keep full administrators to a few named, MFA-protected people or a break-glass role.`,
    });
  },
});
