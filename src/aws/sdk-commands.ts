/**
 * The SDK commands a plan may send (the fixes' calls and their undos, Security Hub's imports), one
 * small module per service under src/aws/sdk/ naming the client and those commands.
 *
 * Why a list: the executable bundles the AWS SDK (scripts/bundle.mjs), and a bundle keeps only the
 * commands and schemas that are named in an import. Importing a whole client package by a name known
 * only at run time (`import(pkg)`) would load every command and schema of that service, tens of
 * megabytes for EC2 alone. A fix that sends a command missing here still works: the client
 * factory then loads the service's whole package from node_modules, as it did before the SDK was
 * bundled (test/aws/plan-inputs.test.ts holds every planned call to this list, so none does).
 */
import type { ServiceKey } from './services.js';

/** A service module: the client class and `<Name>Command` classes, by export name. */
export type SdkModule = Record<string, unknown>;

export const SDK_COMMANDS: Partial<Record<ServiceKey, () => Promise<SdkModule>>> = {
  accessanalyzer: () => import('./sdk/accessanalyzer.js'),
  account: () => import('./sdk/account.js'),
  backup: () => import('./sdk/backup.js'),
  cloudtrail: () => import('./sdk/cloudtrail.js'),
  cloudwatch: () => import('./sdk/cloudwatch.js'),
  config: () => import('./sdk/config.js'),
  dynamodb: () => import('./sdk/dynamodb.js'),
  ec2: () => import('./sdk/ec2.js'),
  ecr: () => import('./sdk/ecr.js'),
  efs: () => import('./sdk/efs.js'),
  emr: () => import('./sdk/emr.js'),
  guardduty: () => import('./sdk/guardduty.js'),
  iam: () => import('./sdk/iam.js'),
  inspector2: () => import('./sdk/inspector2.js'),
  kms: () => import('./sdk/kms.js'),
  logs: () => import('./sdk/logs.js'),
  rds: () => import('./sdk/rds.js'),
  s3: () => import('./sdk/s3.js'),
  s3control: () => import('./sdk/s3control.js'),
  securityhub: () => import('./sdk/securityhub.js'),
  sns: () => import('./sdk/sns.js'),
  ssm: () => import('./sdk/ssm.js'),
};

/** The service's whole SDK package, loaded from node_modules at run time (never bundled: the name is a variable). */
export async function wholePackage(pkg: string): Promise<SdkModule> {
  return (await import(pkg)) as SdkModule;
}

/**
 * The module holding `<command>Command` for `service`: the bundled list when it names the command,
 * else the whole package.
 */
export async function sdkModuleFor(service: ServiceKey, command: string, pkg: string): Promise<SdkModule> {
  const listed = SDK_COMMANDS[service];
  if (listed) {
    const m = await listed();
    if (m[`${command}Command`]) return m;
  }
  return wholePackage(pkg);
}
