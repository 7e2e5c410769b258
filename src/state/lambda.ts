/** What a check sees of lambda: the slices the lambda collector fills (src/aws/collectors/lambda.ts). */
export interface LambdaFunction {
  readonly name: string;
  readonly arn: string;
  /** null for container-image functions (they bring their own runtime). */
  readonly runtime: string | null;
  readonly packageType: string;
  readonly lastModified: string | null;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    'lambda.functions': readonly LambdaFunction[];
  }
}
