import { defineCheck } from '../../../src/engine/define.js';
import { counted, eachOf, eachResource, fail, given, pass } from '../../../src/engine/each.js';
import { globalSlice } from '../../../src/engine/state.js';
import { outsideGrants } from '../lambda-policy.js';

export default defineCheck({
  id: 'lambda-public-policy',
  title: 'No Lambda function can be invoked by anyone or by accounts outside the organization',
  severity: 'high',
  hipaa: { section: '164.312(a)(1)', obligation: 'required' },
  hitrust: ['01.c', '09.m'],
  permissions: ['lambda:ListFunctions', 'lambda:GetPolicy', 'organizations:DescribeOrganization', 'organizations:ListAccounts'],
  needs: { regional: ['lambdaaccess.functions'], global: ['organizations.organization', 'organizations.accounts'] },
  why: 'A function that processes patient data runs with its own role: a resource policy that lets anyone, or an account you do not control, invoke it lets them reach that data through the function.',
  evaluate(state) {
    const own = state.identity.accountId;
    const org = globalSlice(state, 'organizations.organization');
    const accounts = globalSlice(state, 'organizations.accounts');
    const orgId = org.ok ? (org.value?.id ?? null) : null;
    const orgAccounts = accounts.ok ? new Set(accounts.value.map((a) => a.id)) : null;
    return eachResource(state, {
      key: 'lambdaaccess.functions',
      noun: 'Lambda function',
      id: (f) => f.arn,
      name: (f) => f.name,
      judge: (f, region) =>
        given(f.policy, (doc) => {
          const grants = outsideGrants(doc, own, orgId, orgAccounts);
          // Another account might be inside the organization: say unknown rather than guess when the member list could not be read.
          if (grants.some((g) => g.kind === 'account') && !accounts.ok && org.ok && org.value) return { status: 'unknown', error: accounts.error };
          if (grants.length === 0) return pass(`Lambda function ${f.name} in ${region} can be invoked only from account ${own}${orgId ? ` or organization ${orgId}` : ''}.`);
          return fail(`Lambda function ${f.name} in ${region} can be invoked by ${[...new Set(grants.map((g) => `${g.who} (statement ${g.sid})`))].join(', ')}.`);
        }),
      pass: (n) => `${eachOf(n, 'Lambda function')} can be invoked only from inside account ${own}${orgId ? ` and organization ${orgId}` : ''}.`,
      fail: (names, n) => `${counted(n, 'Lambda function')} open to anyone or to accounts outside the organization: ${names}.`,
      none: `Account ${own} has no Lambda functions in the scanned regions.`,
    });
  },
});
