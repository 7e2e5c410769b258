import { defineCheck } from '../../../src/engine/define.js';
import { phiCmkCheck } from '../phi-cmk.js';

export default defineCheck(
  phiCmkCheck({
    id: 'secrets-phi-cmk',
    key: 'messaging.secrets',
    noun: 'secret',
    title: 'Secrets that guard ePHI are encrypted with a key you manage',
    why: 'Secrets Manager encrypts with aws/secretsmanager by default, which any principal with secretsmanager:GetSecretValue can use; a customer managed key adds a key policy you control, so a database password for patient data needs two grants, both logged.',
    permissions: ['secretsmanager:ListSecrets'],
  }),
);
