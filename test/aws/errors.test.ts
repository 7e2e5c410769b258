/** AWS errors become one plain sentence, classified by AWS's error name. */
import { describe, expect, it } from 'vitest';
import { classify, orIfMissing, refusedAction, startupProblem } from '../../src/aws/errors.js';

const awsError = (name: string, message: string, status = 400) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe('classify', () => {
  it('reads the refused action out of an AccessDenied message, else uses the call’s action', () => {
    const msg = 'User: arn:aws:iam::111122223333:user/t is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::111122223333:user/';
    expect(refusedAction(msg)).toBe('iam:ListUsers');
    expect(classify(awsError('AccessDenied', msg, 403), 'iam:Other')).toMatchObject({ kind: 'access', action: 'iam:ListUsers', message: 'access denied: the credentials lack iam:ListUsers' });
    expect(classify(awsError('AccessDeniedException', 'nope'), 'secretsmanager:ListSecrets')).toMatchObject({ kind: 'access', action: 'secretsmanager:ListSecrets' });
    expect(classify(awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.'), 'ec2:DescribeInstances').action).toBe('ec2:DescribeInstances');
  });

  it('tells throttling, credentials, disabled regions, network and server errors apart', () => {
    expect(classify(awsError('ThrottlingException', 'Rate exceeded'), 'x:Y').kind).toBe('throttled');
    expect(classify(awsError('ExpiredToken', 'The security token included in the request is expired')).message).toMatch(/expired/);
    expect(classify(awsError('InvalidClientTokenId', 'bad')).kind).toBe('credentials');
    expect(classify(awsError('OptInRequired', 'opt in')).kind).toBe('not-enabled');
    expect(classify(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })).kind).toBe('network');
    expect(classify(awsError('InternalFailure', 'oops', 500)).kind).toBe('network');
    expect(classify(awsError('ValidationException', 'bad input')).message).toBe('ValidationException: bad input');
  });

  it('says how to fix missing credentials', () => {
    const e = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    expect(classify(e)).toMatchObject({ kind: 'credentials', message: expect.stringContaining('--profile') });
  });
});

describe('startupProblem', () => {
  it('gives one sentence for no region, no credentials and an unknown profile, and nothing for other errors', () => {
    expect(startupProblem(new Error('Region is missing'))).toMatch(/^No AWS region is set: pass --region/);
    expect(startupProblem(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }))).toMatch(
      /^Cannot reach AWS: no AWS credentials were found/,
    );
    expect(
      startupProblem(Object.assign(new Error('Profile nope could not be found or parsed in shared credentials file.'), { name: 'CredentialsProviderError' })),
    ).toMatch(/profile could not be found/);
    expect(startupProblem(awsError('ValidationException', 'x'))).toBeUndefined();
  });
});

describe('orIfMissing', () => {
  it('turns the named "not configured" errors into a value and rethrows the rest', async () => {
    const missing = () => Promise.reject(awsError('NoSuchEntity', 'The Password Policy with domain name 1 cannot be found.', 404));
    expect(await orIfMissing(missing, ['NoSuchEntity'], null)).toBeNull();
    await expect(orIfMissing(() => Promise.reject(awsError('AccessDenied', 'no', 403)), ['NoSuchEntity'], null)).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});
