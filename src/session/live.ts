/** The live account: caller identity, enabled regions, then slices collected on demand and shared. */
// Static, like identity.ts's: a bundle keeps only the named classes (a dynamic import would keep all of STS).
import { STSClient } from '@aws-sdk/client-sts';
import { ClientFactory } from '../aws/clients.js';
import { Collection } from '../aws/collector.js';
import { startupProblem } from '../aws/errors.js';
import { partialScanProblem } from '../aws/errors.js';
import { callerIdentity, enabledRegions } from '../aws/identity.js';
import { unknownProfileProblem } from '../aws/profiles.js';
import type { GlobalKey, RegionalKey } from '../engine/state.js';
import { type LiveSource, type SourceOptions, StartupError } from './source.js';

/** The region for global calls: --region, else the SDK's own resolution (env, profile). */
async function resolveHomeRegion(options: SourceOptions): Promise<string> {
  if (options.region) return options.region;
  if (process.env.AWS_REGION) return process.env.AWS_REGION;
  if (process.env.AWS_DEFAULT_REGION) return process.env.AWS_DEFAULT_REGION;
  const probe = new STSClient(options.profile ? { profile: options.profile } : {});
  try {
    return await probe.config.region();
  } catch (e) {
    throw new StartupError(startupProblem(e) ?? 'No AWS region is set: pass --region, set AWS_REGION, or set a region in your AWS profile.');
  } finally {
    probe.destroy();
  }
}

/** `credentials`: an assumed role's session (scan --org) instead of the profile's or environment's. */
export async function openLiveSource(options: SourceOptions, credentials?: unknown): Promise<LiveSource> {
  // The SDK answers an unknown profile with a generic "no credentials"; name the profile instead.
  const profile = options.profile ?? (process.env.AWS_ACCESS_KEY_ID ? undefined : process.env.AWS_PROFILE);
  const badProfile = profile ? unknownProfileProblem(profile) : undefined;
  if (badProfile) throw new StartupError(badProfile);
  const homeRegion = await resolveHomeRegion(options);
  const clients = new ClientFactory({ profile: options.profile, endpointUrl: options.endpointUrl, credentials, signal: options.signal });
  let identity: Awaited<ReturnType<typeof callerIdentity>>;
  try {
    identity = await callerIdentity(clients, homeRegion, options.onOpeningCall);
  } catch (e) {
    clients.destroy();
    throw new StartupError(startupProblem(e) ?? `Cannot identify the caller with sts:GetCallerIdentity: ${(e as Error).message}`);
  }
  let regions: string[];
  const warnings: string[] = [];
  try {
    const found = await enabledRegions(clients, homeRegion, options.regions, options.onOpeningCall);
    regions = found.regions;
    if (found.notEnabled.length > 0) warnings.push(`Not enabled for this account, so not scanned: ${found.notEnabled.join(', ')}.`);
  } catch (e) {
    // Without ec2:DescribeRegions, scan what was asked for, or the home region.
    regions = options.regions && options.regions.length > 0 ? [...options.regions] : [homeRegion];
    warnings.push(`Could not list the enabled regions (${startupProblem(e) ?? (e as Error).name}); scanning ${regions.join(', ')}. Grant ec2:DescribeRegions or pass --regions.`);
  }
  if (regions.length === 0) throw new StartupError('None of the regions given with --regions is enabled for this account.');
  let progress: Parameters<LiveSource['collect']>[1];
  const collection = new Collection({ clients, identity, homeRegion, regions, onEvent: (e) => progress?.(e) });
  return {
    mode: 'live',
    identity,
    homeRegion,
    regions,
    warnings,
    clients,
    async collect(needs, onProgress) {
      progress = onProgress;
      try {
        await collection.collect({ global: needs.global as GlobalKey[], regional: needs.regional as RegionalKey[] });
      } finally {
        progress = undefined;
      }
      return collection.state();
    },
    async readFresh(needs) {
      const fresh = new Collection({ clients, identity, homeRegion, regions });
      await fresh.collect({ global: needs.global as GlobalKey[], regional: needs.regional as RegionalKey[] });
      return fresh.state();
    },
    partialProblem: (state) => partialScanProblem(clients.expiredError, state),
    close: () => clients.destroy(),
  };
}
