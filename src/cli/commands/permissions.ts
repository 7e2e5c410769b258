/**
 * `hipaa-wizard permissions`: the least-privilege IAM policy for a read-only scan, built from what
 * every check and collector declares; `--fix ID` (or `--fix all`) prints the extra actions a fix
 * needs to apply and undo, as a policy to attach alongside. Actions on roles are printed in their own
 * statements, allowed only on the roles the fix creates or passes (any account unless --account).
 */
import type { Command } from 'commander';
import { fixPolicy, scanPolicy } from '../../engine/permissions.js';
import { loadRegistry } from '../../engine/registry.js';
import { UsageError } from '../common.js';
import { withFixOptions } from './plan.js';

/** What `scan --send-to-security-hub` adds to a scan: importing its own findings, and carrying decisions to their workflow status. */
export const SECURITY_HUB_STATEMENT = {
  Sid: 'HipaaWizardSendToSecurityHub',
  Effect: 'Allow',
  Action: ['securityhub:BatchImportFindings', 'securityhub:BatchUpdateFindings'],
  Resource: '*',
} as const;

export function registerPermissions(program: Command): void {
  const cmd = program
    .command('permissions')
    .description('print the least-privilege IAM policy for a read-only scan, or with --fix the extra actions a fix needs')
    .option('--fix <id>', 'a fix id, a check id, or "all": print the actions applying and undoing it needs beyond a scan')
    .option('--account <id>', 'with --fix: the account whose roles the policy names (any account when absent)')
    .option('--partition <name>', 'with --fix: the AWS partition of those roles (aws, aws-us-gov, aws-cn)', 'aws')
    .option('--send-to-security-hub', 'add the actions `scan --send-to-security-hub` needs (securityhub:BatchImportFindings, BatchUpdateFindings)');
  withFixOptions(cmd).action(async (o: { fix?: string; account?: string; partition: string; option?: Record<string, string>; sendToSecurityHub?: boolean }) => {
    const registry = await loadRegistry();
    const { collectorPermissions } = await import('../../session/collector-permissions.js');
    const collected = await collectorPermissions();
    if (!o.fix) {
      const policy = scanPolicy(registry, collected);
      const out = o.sendToSecurityHub ? { ...policy, Statement: [...policy.Statement, SECURITY_HUB_STATEMENT] } : policy;
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    if (o.sendToSecurityHub) throw new UsageError('Use --send-to-security-hub without --fix: it adds to the scan policy.');
    let ids: string[];
    if (o.fix === 'all') ids = registry.remediations.map((r) => r.id);
    else if (registry.remediation(o.fix)) ids = [o.fix];
    else if (registry.remediationFor(o.fix)) ids = [registry.remediationFor(o.fix)?.id as string];
    else throw new UsageError(`There is no fix called "${o.fix}". Fixes: ${registry.remediations.map((r) => r.id).join(', ')}.`);
    if (o.account !== undefined && !/^\d{12}$/.test(o.account)) throw new UsageError(`--account takes a 12-digit AWS account id, not "${o.account}".`);
    const values = { account: o.account, partition: o.partition, options: o.option };
    process.stdout.write(`${JSON.stringify(fixPolicy(registry, ids, collected, values), null, 2)}\n`);
  });
}
