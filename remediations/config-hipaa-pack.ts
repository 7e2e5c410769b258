/**
 * AWS Config watching between wizard runs: in every region without a working recorder, a recorder
 * of every resource type (global types in the home region only), a delivery channel to one private
 * bucket, and StartConfigurationRecorder; then AWS's "Operational Best Practices for HIPAA Security"
 * conformance pack, so an AWS engine keeps evaluating the account. Config bills per recorded change
 * and per rule evaluation, hence the typed confirmation. Undo stops and removes what it created.
 */
import { defineRemediation } from '../src/engine/define.js';
import type { PlanAction } from '../src/engine/model.js';
import { read } from '../src/engine/outcome.js';
import { regionalSlice } from '../src/engine/state.js';
import { denyNonTls, newPrivateBucket } from './lib/s3.js';
import { OptionValues } from '../src/schemas/options.js';

export const HIPAA_PACK = 'Operational-Best-Practices-for-HIPAA-Security';
/** AWS publishes its sample conformance packs as SSM documents owned by Amazon. */
export const HIPAA_PACK_DOCUMENT = 'AWSConformancePacks-OperationalBestPracticesforHIPAASecurity';

const configBucketPolicy = (partition: string, account: string, bucket: string) => {
  const arn = `arn:${partition}:s3:::${bucket}`;
  const principal = { Service: 'config.amazonaws.com' };
  const source = { StringEquals: { 'AWS:SourceAccount': account } };
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AWSConfigBucketPermissionsCheck', Effect: 'Allow', Principal: principal, Action: 's3:GetBucketAcl', Resource: arn, Condition: source },
      { Sid: 'AWSConfigBucketExistenceCheck', Effect: 'Allow', Principal: principal, Action: 's3:ListBucket', Resource: arn, Condition: source },
      {
        Sid: 'AWSConfigBucketDelivery',
        Effect: 'Allow',
        Principal: principal,
        Action: 's3:PutObject',
        Resource: `${arn}/AWSLogs/${account}/Config/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'AWS:SourceAccount': account } },
      },
      denyNonTls(partition, bucket),
    ],
  };
};

export default defineRemediation({
  id: 'config-hipaa-pack',
  title: 'Record configuration with AWS Config and deploy the HIPAA conformance pack',
  fixes: ['config-recording'],
  leavesAlone: ['regions whose recorder already records every resource type and delivers'],
  permissions: [
    'config:PutConfigurationRecorder',
    'config:DeleteConfigurationRecorder',
    'config:PutDeliveryChannel',
    'config:DeleteDeliveryChannel',
    'config:StartConfigurationRecorder',
    'config:StopConfigurationRecorder',
    'config:PutConformancePack',
    'config:DeleteConformancePack',
    'ssm:GetDocument',
    'iam:CreateServiceLinkedRole',
    'iam:DeleteServiceLinkedRole',
    'iam:PassRole',
    's3:CreateBucket',
    's3:PutBucketPublicAccessBlock',
    's3:PutEncryptionConfiguration',
    's3:PutBucketPolicy',
  ],
  scopes: [
    // Config's own service-linked roles only: the recorder's, and the one conformance packs use.
    {
      actions: ['iam:CreateServiceLinkedRole'],
      resources: ['arn:{partition}:iam::{account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig', 'arn:{partition}:iam::{account}:role/aws-service-role/config-conforms.amazonaws.com/AWSServiceRoleForConfigConforms'],
      condition: { StringEquals: { 'iam:AWSServiceName': ['config.amazonaws.com', 'config-conforms.amazonaws.com'] } },
    },
    { actions: ['iam:DeleteServiceLinkedRole'], resources: ['arn:{partition}:iam::{account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig'] },
    { actions: ['iam:PassRole'], resources: ['arn:{partition}:iam::{account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig'], condition: { StringEquals: { 'iam:PassedToService': 'config.amazonaws.com' } } },
  ],
  needs: { global: ['iam.authorization', 's3.buckets'] },
  options: [
    { name: 'bucket', description: 'the bucket Config delivers to (created when missing)', default: 'hipaa-wizard-config-{account}' },
    { name: 'pack', description: 'where to deploy the HIPAA conformance pack: home (the home region), all (every region set up), or none', default: 'home', schema: OptionValues.oneOf(['home', 'all', 'none']) },
    { name: 'template-s3-uri', description: 'deploy the pack from this template (s3://…) instead of AWS’s published sample document' },
  ],
  notes: [
    'AWS Config bills each configuration item it records and each rule evaluation; the HIPAA pack holds well over a hundred rules, so expect a monthly charge that grows with the number of resources.',
    `The pack comes from AWS's sample ${HIPAA_PACK_DOCUMENT}; where a region lacks it, pass --option template-s3-uri=s3://… with the template from github.com/awslabs/aws-config-rules.`,
  ],
  plan(state, { options }) {
    const { partition, accountId } = state.identity;
    const home = state.homeRegion;
    const bucket = (options.bucket ?? 'hipaa-wizard-config-{account}').replace('{account}', accountId);
    const packWhere = options.pack ?? 'home';
    const regionsToFix: string[] = [];
    const perRegion: PlanAction[] = [];
    for (const region of state.regions) {
      const slice = regionalSlice(state, 'config.recorders', region);
      if (!slice.ok) throw new Error(`the AWS Config state of ${region} could not be read (${slice.error.message})`);
      const cfg = slice.value;
      const r = cfg.recorders[0];
      const hasChannel = cfg.deliveryChannels.length > 0;
      if (r?.recording && r.allSupported && hasChannel && r.lastStatus !== 'FAILURE') continue;
      if (r && !r.allSupported) {
        throw new Error(`the Config recorder ${r.name} in ${region} records only selected resource types; widen it by hand (aws configservice put-configuration-recorder) so its role and settings are kept`);
      }
      regionsToFix.push(region);
      const name = r?.name ?? 'default';
      if (!r) {
        perRegion.push({
          effect: '+',
          service: 'config',
          command: 'PutConfigurationRecorder',
          input: {
            ConfigurationRecorder: {
              name,
              roleARN: `arn:${partition}:iam::${accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
              recordingGroup: { allSupported: true, includeGlobalResourceTypes: region === home },
            },
          },
          region,
          resource: `Config recorder ${name}`,
          summary: `Record every resource type in ${region}${region === home ? ', global ones (IAM) included' : ''}.`,
          reversible: true,
          undo: [{ service: 'config', command: 'DeleteConfigurationRecorder', input: { ConfigurationRecorderName: name }, region }],
        });
      }
      if (!hasChannel) {
        perRegion.push({
          effect: '+',
          service: 'config',
          command: 'PutDeliveryChannel',
          input: { DeliveryChannel: { name: 'default', s3BucketName: bucket } },
          region,
          resource: 'Config delivery channel default',
          summary: `Deliver the configuration history of ${region} to the bucket ${bucket}.`,
          reversible: true,
          undo: [{ service: 'config', command: 'DeleteDeliveryChannel', input: { DeliveryChannelName: 'default' }, region }],
        });
      }
      if (!r?.recording) {
        perRegion.push({
          effect: '~',
          service: 'config',
          command: 'StartConfigurationRecorder',
          input: { ConfigurationRecorderName: name },
          region,
          resource: `Config recorder ${name}`,
          summary: `Start the Config recorder ${name} in ${region}.`,
          reversible: true,
          undo: [{ service: 'config', command: 'StopConfigurationRecorder', input: { ConfigurationRecorderName: name }, region }],
        });
      }
    }
    if (regionsToFix.length === 0) return [];
    const actions: PlanAction[] = [];
    if (!read(state, 'iam.authorization').roles.some((r) => r.name === 'AWSServiceRoleForConfig')) {
      actions.push({
        effect: '+',
        service: 'iam',
        command: 'CreateServiceLinkedRole',
        input: { AWSServiceName: 'config.amazonaws.com' },
        region: home,
        resource: 'IAM role AWSServiceRoleForConfig',
        summary: 'Create the service-linked role AWS Config records with.',
        reversible: true,
        undo: [{ service: 'iam', command: 'DeleteServiceLinkedRole', input: { RoleName: 'AWSServiceRoleForConfig' }, region: home }],
      });
    }
    if (perRegion.some((a) => a.command === 'PutDeliveryChannel') && !read(state, 's3.buckets').some((b) => b.name === bucket)) {
      actions.push(...newPrivateBucket(bucket, home, 'the AWS Config history', configBucketPolicy(partition, accountId, bucket)));
    }
    actions.push(...perRegion);
    const packRegions = packWhere === 'none' ? [] : packWhere === 'all' ? regionsToFix : regionsToFix.includes(home) ? [home] : [];
    for (const region of packRegions) {
      const template = options['template-s3-uri'] ? { TemplateS3Uri: options['template-s3-uri'] } : { TemplateSSMDocumentDetails: { DocumentName: HIPAA_PACK_DOCUMENT } };
      actions.push({
        effect: '+',
        service: 'config',
        command: 'PutConformancePack',
        input: { ConformancePackName: HIPAA_PACK, ...template },
        region,
        resource: `conformance pack ${HIPAA_PACK}`,
        summary: `Deploy AWS's HIPAA Security conformance pack in ${region}, so AWS Config keeps evaluating the account between wizard runs.`,
        reversible: true,
        undo: [{ service: 'config', command: 'DeleteConformancePack', input: { ConformancePackName: HIPAA_PACK }, region }],
      });
    }
    return actions;
  },
});
