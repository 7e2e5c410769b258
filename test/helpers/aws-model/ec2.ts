/**
 * EC2 security groups as the model sees them: the `ec2.securityGroups` slice. Authorize adds each
 * source (with its description and owning account) as EC2 does; Revoke removes the matching sources
 * and fails with InvalidPermission.NotFound when none match.
 */
import type { FlowLog, SecurityGroup, SgRule } from '../../../src/state/ec2.js';
import type { ModelContext, ServiceModel } from './index.js';

type Rule = { -readonly [K in keyof SgRule]: SgRule[K] };
type Perm = {
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: { CidrIp: string; Description?: string }[];
  Ipv6Ranges?: { CidrIpv6: string; Description?: string }[];
  UserIdGroupPairs?: { GroupId: string; UserId?: string; Description?: string }[];
  PrefixListIds?: { PrefixListId: string; Description?: string }[];
};

const groupOf = (m: ModelContext, id: string) => {
  const g = m.regional<{ -readonly [K in keyof SecurityGroup]: SecurityGroup[K] }[]>('ec2.securityGroups').find((x) => x.id === id);
  if (!g) throw m.error('InvalidGroup.NotFound', `The security group '${id}' does not exist`);
  return g;
};
const same = (r: Rule, p: Perm) => r.protocol === p.IpProtocol && (p.IpProtocol === '-1' || (r.fromPort === (p.FromPort ?? null) && r.toPort === (p.ToPort ?? null)));
const sources = (p: Perm) => ({
  ipv4: (p.IpRanges ?? []).map((x) => x.CidrIp),
  ipv6: (p.Ipv6Ranges ?? []).map((x) => x.CidrIpv6),
  groups: (p.UserIdGroupPairs ?? []).map((x) => x.GroupId),
  prefixLists: (p.PrefixListIds ?? []).map((x) => x.PrefixListId),
});

function authorize(m: ModelContext, direction: 'ingress' | 'egress', input: { GroupId: string; IpPermissions: Perm[] }) {
  const g = groupOf(m, input.GroupId);
  const rules = [...g[direction]] as Rule[];
  for (const p of input.IpPermissions) {
    let r = rules.find((x) => same(x, p));
    if (!r) {
      r = { protocol: p.IpProtocol, fromPort: p.IpProtocol === '-1' ? null : (p.FromPort ?? null), toPort: p.IpProtocol === '-1' ? null : (p.ToPort ?? null), ipv4: [], ipv6: [], groups: [], prefixLists: [] };
      rules.push(r);
    }
    const s = sources(p);
    for (const k of ['ipv4', 'ipv6', 'groups', 'prefixLists'] as const) {
      if (s[k].some((x) => r[k].includes(x))) throw m.error('InvalidPermission.Duplicate', `the specified rule already exists in ${input.GroupId}`);
      r[k] = [...r[k], ...s[k]];
    }
    const desc = [
      ...(p.IpRanges ?? []).map((x) => [x.CidrIp, x.Description]),
      ...(p.Ipv6Ranges ?? []).map((x) => [x.CidrIpv6, x.Description]),
      ...(p.UserIdGroupPairs ?? []).map((x) => [x.GroupId, x.Description]),
      ...(p.PrefixListIds ?? []).map((x) => [x.PrefixListId, x.Description]),
    ].filter((e): e is [string, string] => Boolean(e[1]));
    if (desc.length) r.descriptions = { ...r.descriptions, ...Object.fromEntries(desc) };
    const owners = (p.UserIdGroupPairs ?? []).filter((x) => x.UserId).map((x) => [x.GroupId, x.UserId as string]);
    if (owners.length) r.groupOwners = { ...r.groupOwners, ...Object.fromEntries(owners) };
  }
  g[direction] = rules;
  return { Return: true };
}

function revoke(m: ModelContext, direction: 'ingress' | 'egress', input: { GroupId: string; IpPermissions: Perm[] }) {
  const g = groupOf(m, input.GroupId);
  let rules = [...g[direction]] as Rule[];
  for (const p of input.IpPermissions) {
    const r = rules.find((x) => same(x, p));
    const s = sources(p);
    if (!r || !(['ipv4', 'ipv6', 'groups', 'prefixLists'] as const).every((k) => s[k].every((x) => r[k].includes(x)))) {
      throw m.error('InvalidPermission.NotFound', `The specified rule does not exist in this security group.`);
    }
    for (const k of ['ipv4', 'ipv6', 'groups', 'prefixLists'] as const) r[k] = r[k].filter((x) => !s[k].includes(x));
    const gone = [...s.ipv4, ...s.ipv6, ...s.groups, ...s.prefixLists];
    if (r.descriptions) {
      const d = Object.fromEntries(Object.entries(r.descriptions).filter(([k]) => !gone.includes(k)));
      if (Object.keys(d).length) r.descriptions = d;
      else delete r.descriptions;
    }
    if (r.groupOwners) {
      const o = Object.fromEntries(Object.entries(r.groupOwners).filter(([k]) => !s.groups.includes(k)));
      if (Object.keys(o).length) r.groupOwners = o;
      else delete r.groupOwners;
    }
    rules = rules.filter((x) => x.ipv4.length + x.ipv6.length + x.groups.length + x.prefixLists.length > 0);
  }
  g[direction] = rules;
  return { Return: true };
}

type Flow = { -readonly [K in keyof FlowLog]: FlowLog[K] };

/**
 * CreateFlowLogs as EC2 documents it: a resource that does not exist, or that already has a flow
 * log to the same destination, comes back in `Unsuccessful` (the call itself succeeds); the log
 * group must exist in the model's logs slice for delivery to succeed, else the flow log is created
 * with DeliverLogsStatus FAILED. DeleteFlowLogs lists unknown ids in `Unsuccessful`.
 */
function createFlowLogs(m: ModelContext, input: { ResourceIds: string[]; ResourceType: string; TrafficType?: string; LogDestinationType?: string; LogGroupName?: string; DeliverLogsPermissionArn?: string }) {
  const flows = m.regional<Flow[]>('ec2.flowLogs');
  const vpcs = m.regional<{ id: string }[]>('ec2.vpcs');
  const ids: string[] = [];
  const unsuccessful: { ResourceId: string; Error: { Code: string; Message: string } }[] = [];
  const type = input.LogDestinationType ?? 'cloud-watch-logs';
  if (type === 'cloud-watch-logs' && !input.DeliverLogsPermissionArn) throw m.error('InvalidParameter', 'DeliverLogsPermissionArn is required for cloud-watch-logs');
  const roleName = input.DeliverLogsPermissionArn?.split('/').at(-1);
  const roles = m.state.global['iam.authorization']?.ok ? (m.state.global['iam.authorization'].value.roles as { name: string }[]) : [];
  const groups = m.state.regional[m.region]?.['logs.logGroups'];
  const groupExists = groups?.ok ? (groups.value as { name: string }[]).some((g) => g.name === input.LogGroupName) : false;
  for (const id of input.ResourceIds) {
    if (input.ResourceType === 'VPC' && !vpcs.some((v) => v.id === id)) {
      unsuccessful.push({ ResourceId: id, Error: { Code: 'InvalidVpcID.NotFound', Message: `The vpc ID '${id}' does not exist` } });
      continue;
    }
    const flowId = m.newId('fl-');
    const delivers = type !== 'cloud-watch-logs' || (groupExists && roles.some((r) => r.name === roleName));
    flows.push({ id: flowId, resourceId: id, status: 'ACTIVE', trafficType: input.TrafficType ?? 'ALL', destinationType: type, deliverStatus: delivers ? 'SUCCESS' : 'FAILED', ...(delivers ? {} : { deliverError: 'Access error' }) });
    ids.push(flowId);
  }
  return { FlowLogIds: ids, Unsuccessful: unsuccessful };
}

function deleteFlowLogs(m: ModelContext, input: { FlowLogIds: string[] }) {
  const flows = m.regional<Flow[]>('ec2.flowLogs');
  const unsuccessful = input.FlowLogIds.filter((id) => !flows.some((f) => f.id === id)).map((id) => ({ ResourceId: id, Error: { Code: 'InvalidFlowLogId.NotFound', Message: `Flow log ${id} does not exist` } }));
  m.setRegional(
    'ec2.flowLogs',
    flows.filter((f) => !input.FlowLogIds.includes(f.id)),
  );
  return { Unsuccessful: unsuccessful };
}

export const ec2: ServiceModel = {
  CreateFlowLogs: (m, input) => createFlowLogs(m, input),
  DeleteFlowLogs: (m, input) => deleteFlowLogs(m, input),
  AuthorizeSecurityGroupIngress: (m, input) => authorize(m, 'ingress', input),
  AuthorizeSecurityGroupEgress: (m, input) => authorize(m, 'egress', input),
  RevokeSecurityGroupIngress: (m, input) => revoke(m, 'ingress', input),
  RevokeSecurityGroupEgress: (m, input) => revoke(m, 'egress', input),
};
