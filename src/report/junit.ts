/**
 * The findings as JUnit XML, so a CI system shows failing safeguards as failing tests: a test suite
 * per step, a test case per check and resource. A failure for `fail`; skipped, with the reason, for
 * `unknown`, `manual` and a finding a recorded decision accepted. Built with fast-xml-parser's
 * XMLBuilder (escaping included); the shape follows the Jenkins/Ant JUnit XSD.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { ReportDocument } from './model.js';
import { type FindingRow, findingRows, fixCommand } from './rows.js';

function testcase(row: FindingRow, classname: string): Record<string, unknown> {
  const f = row.finding;
  const name = row.resource ? `${f.id} · ${row.resource.id}${row.region ? ` (${row.region})` : ''}` : f.id;
  const tc: Record<string, unknown> = { '@_name': name, '@_classname': classname, '@_time': '0' };
  const cite = `${f.hipaa.section} (${f.hipaa.obligation})`;
  if (row.status === 'fail') {
    const fix = fixCommand(f);
    tc.failure = {
      '@_message': row.detail,
      '@_type': row.severity,
      '#text': [`${f.title}: ${row.detail}`, f.why, `HIPAA ${cite}.`, fix ? `Preview the fix with: ${fix}` : ''].filter(Boolean).join('\n'),
    };
  } else if (row.status === 'accepted') {
    const d = f.decision;
    tc.skipped = { '@_message': d ? `Accepted by decision ${d.id} (${d.status}, review by ${d.reviewBy}): ${d.reason}` : row.detail };
  } else if (row.status === 'unknown') {
    const missing = row.resource?.missingPermission ?? f.missingPermissions.join(', ');
    tc.skipped = { '@_message': missing ? `${row.detail} Missing permission: ${missing}.` : row.detail };
  } else if (row.status === 'manual') {
    tc.skipped = { '@_message': `${f.message} A person answers this one: run hipaa-wizard attest ${f.id}.` };
  }
  return tc;
}

/** One test suite per step (per account and step for several accounts' reports). */
export function renderJunit(docs: ReportDocument | readonly ReportDocument[]): string {
  const all: readonly ReportDocument[] = Array.isArray(docs) ? docs : [docs as ReportDocument];
  const suites = all.flatMap((doc) => suitesOf(doc, all.length > 1));
  suites.forEach((s, i) => {
    s['@_id'] = String(i);
  });
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: false, processEntities: true });
  const xml = builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, testsuites: { testsuite: suites } }) as string;
  return xml.endsWith('\n') ? xml : `${xml}\n`;
}

function suitesOf(doc: ReportDocument, named: boolean): Record<string, unknown>[] {
  const rows = findingRows(doc);
  const timestamp = doc.generatedAt.replace(/\.\d+Z$/, '').replace(/Z$/, '');
  return doc.categories.map((c) => {
    const own = rows.filter((r) => r.category.id === c.id);
    const classname = `hipaa-wizard.${doc.scan.account.id}.${c.id}`;
    return {
      '@_name': `${named ? `${doc.scan.account.id} ` : ''}${String(c.number).padStart(2, '0')} ${c.title}`,
      '@_package': `hipaa-wizard.${doc.scan.account.id}`,
      '@_id': '0',
      '@_hostname': doc.scan.account.id,
      '@_timestamp': timestamp,
      '@_tests': String(own.length),
      '@_failures': String(own.filter((r) => r.status === 'fail').length),
      '@_errors': '0',
      '@_skipped': String(own.filter((r) => r.status === 'unknown' || r.status === 'manual' || r.status === 'accepted').length),
      '@_time': '0',
      properties: {
        property: [
          { '@_name': 'account', '@_value': doc.scan.account.id },
          { '@_name': 'regions', '@_value': doc.scan.regions.join(',') },
          { '@_name': 'tool', '@_value': `${doc.tool.name} ${doc.tool.version}` },
          { '@_name': 'hipaa', '@_value': c.hipaa.map((h) => `${h.section} (${h.obligation})`).join('; ') },
        ],
      },
      testcase: own.map((r) => testcase(r, classname)),
      'system-out': '',
      'system-err': '',
    };
  });
}
