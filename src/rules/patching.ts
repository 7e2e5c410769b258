/** Patch Manager helpers shared by the patching checks. Pure. */
import type { MaintenanceWindow, SsmManagedInstance } from '../state/ssm.js';

/** The SSM documents that apply a patch baseline. */
export const PATCH_DOCUMENTS: readonly string[] = ['AWS-RunPatchBaseline', 'AWS-RunPatchBaselineAssociation', 'AWS-RunPatchBaselineWithHooks'];

/** An enabled maintenance window with a patch task that installs (Operation=Install); one that only scans installs nothing. */
export const installsPatches = (w: Pick<MaintenanceWindow, 'enabled' | 'patchOperations'>): boolean => w.enabled && w.patchOperations.includes('Install');

/** An enabled maintenance window whose patch tasks all only scan (or set no Operation). */
export const onlyScansPatches = (w: Pick<MaintenanceWindow, 'enabled' | 'patchOperations'>): boolean => w.enabled && w.patchOperations.length > 0 && !w.patchOperations.includes('Install');

const FAMILIES: readonly [RegExp, string][] = [
  [/windows/i, 'WINDOWS'],
  [/ubuntu/i, 'UBUNTU'],
  [/debian/i, 'DEBIAN'],
  [/red hat|rhel/i, 'REDHAT_ENTERPRISE_LINUX'],
  [/centos/i, 'CENTOS'],
  [/oracle/i, 'ORACLE_LINUX'],
  [/suse|sles/i, 'SUSE'],
  [/rocky/i, 'ROCKY_LINUX'],
  [/alma/i, 'ALMA_LINUX'],
  [/mac/i, 'MACOS'],
];

/** The Patch Manager operating system of a managed instance (AMAZON_LINUX_2023, UBUNTU, …), or null when unknown. */
export function operatingSystemOf(m: Pick<SsmManagedInstance, 'platformName' | 'platformVersion' | 'platformType'>): string | null {
  if (/amazon linux/i.test(m.platformName)) {
    if (m.platformVersion.startsWith('2023')) return 'AMAZON_LINUX_2023';
    if (/^2(\.|$)/.test(m.platformVersion)) return 'AMAZON_LINUX_2';
    return 'AMAZON_LINUX';
  }
  for (const [re, os] of FAMILIES) if (re.test(m.platformName)) return os;
  if (m.platformType === 'Windows') return 'WINDOWS';
  return null;
}
