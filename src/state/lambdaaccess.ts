/** What a check sees of a Lambda function's exposure: the slice src/aws/collectors/lambdaaccess.ts fills. */
import type { Result } from '../engine/state.js';
import type { PolicyDocument } from './iam.js';

export interface LambdaFunctionUrl {
  readonly url: string;
  /** "NONE" (anyone on the internet may invoke it) or "AWS_IAM". */
  readonly authType: string;
}

export interface LambdaAccess {
  readonly name: string;
  readonly arn: string;
  /** The VPC the function runs in; null when it runs outside any VPC. */
  readonly vpcId: string | null;
  /** The customer managed key for environment variables; null when Lambda's AWS managed key is used. */
  readonly kmsKeyArn: string | null;
  /** Whether the function has environment variables at all (their values are never read). */
  readonly hasEnvironment: boolean;
  readonly tags: Result<Readonly<Record<string, string>>>;
  /** The resource-based policy; null when the function has none. */
  readonly policy: Result<PolicyDocument | null>;
  readonly urls: Result<readonly LambdaFunctionUrl[]>;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'lambdaaccess.functions': readonly LambdaAccess[];
  }
}
