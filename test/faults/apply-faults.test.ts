/**
 * Faults while a fix is applied: a call refused midway through a plan over several regions, and
 * Ctrl-C pressed on the real binary while a change is in flight. In both, the journal must say
 * exactly which changes were made and which were not, and the records folder must still verify.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EC2Client, EnableEbsEncryptionByDefaultCommand, GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSource } from '../helpers/live-source.js';
import { ClientFactory } from '../../src/aws/clients.js';
import { Collection } from '../../src/aws/collector.js';
import { applyPlan } from '../../src/engine/apply.js';
import { registerJournal } from '../../src/records/journal-port.js';
import { DEFAULT_SETTINGS, EMPTY_RECORDS } from '../../src/engine/model.js';
import { makePlan } from '../../src/engine/plan.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { readRecords } from '../../src/records/store.js';
import { BIN, ensureBuilt, isolatedEnv, workDir } from '../helpers/built-cli.js';

const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2'];
const identity = { accountId: '123456789012', arn: 'arn:aws:iam::123456789012:user/operator', partition: 'aws' };
const ctx = { now: new Date('2026-11-24T12:00:00Z'), settings: DEFAULT_SETTINGS, records: EMPTY_RECORDS };

// biome-ignore lint/suspicious/noExplicitAny: journal bodies are free-form JSON, read here by path
type Body = Record<string, any>;

describe('a call refused midway through an apply', () => {
  it('stops there, and the journal says exactly which regions changed and which did not', async () => {
    const ec2 = mockClient(EC2Client);
    const enabled = new Set<string>();
    ec2.on(GetEbsEncryptionByDefaultCommand).callsFake(async (_input, getClient) => ({ EbsEncryptionByDefault: enabled.has(await getClient().config.region()) }));
    ec2.on(EnableEbsEncryptionByDefaultCommand).callsFake(async (_input, getClient) => {
      const region = await getClient().config.region();
      if (region === 'us-east-1') {
        throw Object.assign(new Error('You are not authorized to perform this operation.'), { name: 'UnauthorizedOperation', $metadata: { httpStatusCode: 403 } });
      }
      enabled.add(region);
      return { EbsEncryptionByDefault: true };
    });
    const dir = await mkdtemp(join(tmpdir(), 'hw-fault-apply-'));
    const clients = new ClientFactory({ maxAttempts: 1 });
    try {
      const registry = await loadRegistry();
      const collection = new Collection({ clients, identity, homeRegion: 'us-east-1', regions: REGIONS });
      await collection.collect({ regional: ['ec2.ebsDefaultEncryption'] });
      const plan = makePlan(registry, 'ebs-default-encryption', collection.state(), ctx);
      expect(plan.actions.map((a) => a.region)).toEqual(REGIONS);

      const outcome = await applyPlan(plan, { ...registerJournal, clients, source: liveSource(clients, identity, REGIONS), registry, ctx, recordsDir: dir, by: 'dana' });
      expect(outcome.status).toBe('failed');
      expect(outcome.results.map((r) => r.status)).toEqual(['done', 'failed', 'not-run']);
      expect(outcome.changed.map((a) => a.region)).toEqual(['eu-west-1']);
      expect(outcome.message).toMatch(/^Stopped at change 2 of 3 \(EnableEbsEncryptionByDefault on EBS default encryption in us-east-1 in us-east-1\): UnauthorizedOperation/);
      // Nothing was sent after the failure.
      expect(ec2.commandCalls(EnableEbsEncryptionByDefaultCommand)).toHaveLength(2);

      const { entries, problems } = await readRecords(dir);
      expect(problems).toEqual([]);
      expect(entries).toHaveLength(1);
      const body = entries[0]?.body as Body;
      expect(body.outcome).toBe('failed');
      expect(body.results.map((r: Body) => [r.index, r.status])).toEqual([
        [0, 'done'],
        [1, 'failed'],
        [2, 'not-run'],
      ]);
      expect(body.results[1].error).toMatchObject({ name: 'UnauthorizedOperation' });
      expect(body.actions.map((a: Body) => a.region)).toEqual(REGIONS);
      // The state the journal keeps after the change matches the account: only eu-west-1 changed.
      const after = body.stateAfter.regional as Record<string, Body>;
      expect(Object.fromEntries(REGIONS.map((r) => [r, after[r]?.['ec2.ebsDefaultEncryption']?.value?.enabled]))).toEqual({ 'eu-west-1': true, 'us-east-1': false, 'us-west-2': false });
    } finally {
      ec2.restore();
      clients.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Ctrl-C during apply, on the built binary against an endpoint on 127.0.0.1

const RID = '00000000-0000-4000-8000-0000000000aa';
const NS = 'xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"';
let server: Server;
let url = '';
const enables: { region: string; at: number }[] = [];
const ebsOn = new Set<string>();
let onEnable: (() => void) | undefined;

beforeAll(async () => {
  ensureBuilt();
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const scope = /Credential=[^/]+\/\d+\/([^/]+)\/([^/]+)\//.exec(String(req.headers.authorization ?? ''));
      const region = scope?.[1] ?? 'us-east-1';
      const service = scope?.[2] ?? '';
      const action = new URLSearchParams(body).get('Action') ?? '';
      const reply = (status: number, text: string, type = 'text/xml') => {
        res.writeHead(status, { 'content-type': type, 'x-amzn-requestid': RID });
        res.end(text);
      };
      if (action === 'GetCallerIdentity') {
        return reply(
          200,
          `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${identity.arn}</Arn><UserId>AIDAOPERATOR</UserId><Account>${identity.accountId}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${RID}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        );
      }
      if (action === 'DescribeRegions') {
        const items = REGIONS.map((r) => `<item><regionName>${r}</regionName><regionEndpoint>ec2.${r}.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>`).join('');
        return reply(200, `<DescribeRegionsResponse ${NS}><requestId>${RID}</requestId><regionInfo>${items}</regionInfo></DescribeRegionsResponse>`);
      }
      if (action === 'GetEbsEncryptionByDefault') {
        return reply(200, `<GetEbsEncryptionByDefaultResponse ${NS}><requestId>${RID}</requestId><ebsEncryptionByDefault>${ebsOn.has(region)}</ebsEncryptionByDefault><sseType>sse-ebs</sseType></GetEbsEncryptionByDefaultResponse>`);
      }
      if (action === 'EnableEbsEncryptionByDefault') {
        enables.push({ region, at: Date.now() });
        onEnable?.();
        // A slow change: Ctrl-C arrives while it is in flight; it still completes, as on AWS.
        setTimeout(() => {
          ebsOn.add(region);
          reply(200, `<EnableEbsEncryptionByDefaultResponse ${NS}><requestId>${RID}</requestId><ebsEncryptionByDefault>true</ebsEncryptionByDefault></EnableEbsEncryptionByDefaultResponse>`);
        }, 1500);
        return;
      }
      if (service === 'ec2') {
        return reply(403, `<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>${RID}</RequestID></Response>`);
      }
      if (body.startsWith('Action=') || action) {
        return reply(
          403,
          `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: ${identity.arn} is not authorized to perform: ${service}:${action}</Message></Error><RequestId>${RID}</RequestId></ErrorResponse>`,
        );
      }
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'AccessDeniedException', 'x-amzn-requestid': RID });
      res.end(JSON.stringify({ __type: 'AccessDeniedException', message: `User: ${identity.arn} is not authorized to perform: ${service}:action` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 240_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe('Ctrl-C during apply', () => {
  it('lets the change in flight finish, sends no more, journals exactly that, and exits 130', async () => {
    const cwd = workDir();
    const env = isolatedEnv({ AWS_ENDPOINT_URL: url, AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE', AWS_SECRET_ACCESS_KEY: 'fake-secret-key', HIPAA_WIZARD_USER: 'dana' });
    const child = spawn(process.execPath, [BIN, 'apply', 'ebs-default-encryption', '--yes', '--region', 'us-east-1', '--records', 'records'], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    onEnable = () => {
      if (enables.length === 1) setTimeout(() => child.kill('SIGINT'), 200);
    };
    const code = await new Promise<number | null>((resolve) => child.on('close', (c, signal) => resolve(c ?? (signal ? -1 : null))));
    expect(enables.length, `no change was attempted (stderr: ${stderr})`).toBe(1);
    expect(code).toBe(130);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).toMatch(/Stopping after the call in flight/);
    expect(stdout).toMatch(/Interrupted: 1 of 3 changes were made and the other 2 were not\./);

    const { entries, problems } = await readRecords(join(cwd, 'records'));
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(1);
    const body = entries[0]?.body as Body;
    expect(body.outcome).toBe('interrupted');
    expect(body.results.map((r: Body) => r.status)).toEqual(['done', 'not-run', 'not-run']);
    const first = body.actions[0].region as string;
    expect(first).toBe(enables[0]?.region);
    // What the journal says changed is what the account shows.
    expect([...ebsOn]).toEqual([first]);
    await rm(cwd, { recursive: true, force: true });
  }, 90_000);
});
