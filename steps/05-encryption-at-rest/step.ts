import { defineStep } from '../../src/engine/define.js';

export default defineStep({
  id: '05-encryption-at-rest',
  number: 5,
  title: 'Encryption at Rest',
  shortTitle: 'Encryption',
  intro: [
    'Disks get snapshotted, backups get copied, buckets get shared by mistake. Encryption at rest means that a copy which ends up in the wrong place is useless without the key, and under the breach notification rule, properly encrypted data that is lost is generally not a reportable breach.',
    'HIPAA lists encryption and decryption as addressable (§164.312(a)(2)(iv)). Addressable does not mean optional: you implement it, or you document why it is not reasonable and what equivalent measure you use. Regulators have treated encryption as reasonable in nearly every case, and it costs little on AWS.',
    'This step reads default encryption for S3 and EBS, the encryption of volumes, snapshots, RDS, DynamoDB, EFS, CloudTrail and log groups, whether ePHI uses keys you manage, whether those keys rotate, and whether the people who administer a key are the same people who use it to read data.',
  ].join('\n\n'),
  hipaa: [
    { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
    { section: '164.312(e)(2)(ii)', obligation: 'addressable' },
  ],
  hitrust: ['06.d', '01.d'],
});
