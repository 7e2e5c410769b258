/**
 * The commands a plan sends come from the bundled list (src/aws/sdk-commands.ts); one missing from it
 * still reaches AWS, through the service's whole package (in the executable's bundle, on a client of its own).
 */
import { DescribeVpcsCommand, EC2Client, RevokeSecurityGroupIngressCommand } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/aws/clients.js';
import { SDK_COMMANDS, sdkModuleFor } from '../../src/aws/sdk-commands.js';

const ec2 = mockClient(EC2Client);
afterEach(() => ec2.reset());

describe('the commands a plan may send', () => {
  it('come from the short list when it names them, else from the whole package', async () => {
    const listed = await SDK_COMMANDS.ec2?.();
    expect(listed?.RevokeSecurityGroupIngressCommand).toBe(RevokeSecurityGroupIngressCommand);
    expect(listed?.DescribeVpcsCommand).toBeUndefined();
    expect(await sdkModuleFor('ec2', 'RevokeSecurityGroupIngress', '@aws-sdk/client-ec2')).toBe(listed);
    expect((await sdkModuleFor('ec2', 'DescribeVpcs', '@aws-sdk/client-ec2')).DescribeVpcsCommand).toBe(DescribeVpcsCommand);
  });

  it('are sent, listed or not, each with its input', async () => {
    ec2.on(RevokeSecurityGroupIngressCommand).resolves({ Return: true });
    ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-1' }] });
    const clients = new ClientFactory();
    await expect(clients.send('ec2', 'us-east-1', 'RevokeSecurityGroupIngress', { GroupId: 'sg-1' })).resolves.toMatchObject({ Return: true });
    await expect(clients.send('ec2', 'us-east-1', 'DescribeVpcs', {})).resolves.toMatchObject({ Vpcs: [{ VpcId: 'vpc-1' }] });
    expect(ec2.commandCalls(RevokeSecurityGroupIngressCommand)[0]?.args[0].input).toEqual({ GroupId: 'sg-1' });
    await expect(clients.send('ec2', 'us-east-1', 'DeleteEverything', {})).rejects.toThrow('@aws-sdk/client-ec2 has no DeleteEverythingCommand');
    clients.destroy();
  });
});
