import { defineCheck } from '../../../src/engine/define.js';
import { listNames, perRegion, summarize, unreadableResource, plural } from '../../../src/engine/outcome.js';

export default defineCheck({
  id: 'kms-rotation',
  title: 'Customer managed keys rotate automatically',
  severity: 'medium',
  hipaa: { section: '164.312(a)(2)(iv)', obligation: 'addressable' },
  hitrust: ['06.d', '01.d'],
  needs: { regional: ['kms.keys'] },
  why: 'Automatic rotation replaces the key material every year while old data stays readable; it limits how much data any one leaked key version could expose.',
  evaluate(state) {
    const resources = perRegion(state, 'kms.keys', (keys, region) =>
      keys
        .filter((k) => k.manager !== 'AWS')
        .flatMap((k) => {
          const name = k.aliases[0] ? `${k.aliases[0]} (${k.id})` : k.id;
          if (k.error) return [unreadableResource(`key ${name}`, region, k.error)];
          if (!k.rotation.ok) return [unreadableResource(`key ${name}`, region, k.rotation.error)];
          if (k.rotation.value === null) return [];
          return [
            {
              id: k.arn,
              region,
              status: k.rotation.value ? ('pass' as const) : ('fail' as const),
              detail: `KMS key ${name} in ${region} ${k.rotation.value ? 'rotates automatically' : 'never rotates'}.`,
            },
          ];
        }),
    );
    return summarize(resources, {
      pass: (n) => `Every customer managed symmetric key rotates automatically (${plural(n, 'key')} checked).`,
      fail: (f) => `${f.length} customer managed key${f.length === 1 ? ' does' : 's do'} not rotate: ${listNames(f.map((r) => r.detail.replace(/^KMS key (.*) in (\S+) never rotates\.$/, '$1 in $2')))}.`,
      none: `There are no enabled customer managed symmetric KMS keys in ${state.regions.join(', ')}.`,
    });
  },
});
