/** The JSON report validates against the schema shipped in the repository, and a broken one does not. */
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { buildReport, REPORT_SCHEMA_ID, REPORT_SCHEMA_VERSION } from '../../src/report/model.js';
import { demoInput, reportSchema as schema, reportValidator as validator } from './helpers.js';

type Json = Record<string, unknown>;
const clone = (x: unknown): Json => JSON.parse(JSON.stringify(x)) as Json;

describe('the JSON report', () => {
  it('validates against schema/report.schema.json and names its schema and version', async () => {
    const text = renderJson(buildReport(await demoInput()));
    const doc = JSON.parse(text) as Json;
    const validate = validator();
    expect(validate(doc), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(doc.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(doc.$schema).toBe(REPORT_SCHEMA_ID);
    expect(schema.$id).toBe(REPORT_SCHEMA_ID);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('validates with no records and with every optional part empty', async () => {
    const input = await demoInput();
    const doc = buildReport({ ...input, records: { decisions: [], attestations: [], vendors: [], journal: [] } });
    const validate = validator();
    expect(validate(clone(doc)), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.records).toMatchObject({ dir: null, verified: true, entries: 0, since: null });
  });

  it('refuses broken documents, pointing at the bad field', async () => {
    const good = clone(buildReport(await demoInput()));
    const validate = validator();
    const broken: [string, (d: Json) => void, string][] = [
      ['no schemaVersion', (d) => delete d.schemaVersion, ''],
      ['a version 2 document', (d) => (d.schemaVersion = '2.0'), '/schemaVersion'],
      ['an unknown status', (d) => ((d.findings as Json[])[0]!.status = 'ok'), '/findings/0/status'],
      ['a digest that is not SHA-256', (d) => ((d.scan as Json).stateSha256 = 'abc'), '/scan/stateSha256'],
      ['a field the schema does not know', (d) => ((d.summary as Json).score = 87), '/summary'],
      ['a HIPAA section with no §', (d) => (((d.findings as Json[])[0]!.hipaa as Json).section = '164.312(d)'), '/findings/0/hipaa/section'],
      ['a negative count', (d) => (((d.summary as Json).counts as Json).fail = -1), '/summary/counts/fail'],
      ['a review date that is not a day', (d) => ((d.decisions as Json[])[0]!.reviewBy = 'next year'), '/decisions/0/reviewBy'],
    ];
    for (const [what, breakIt, path] of broken) {
      const doc = clone(good);
      breakIt(doc);
      expect(validate(doc), what).toBe(false);
      expect(
        validate.errors!.some((e) => e.instancePath === path),
        `${what}: ${JSON.stringify(validate.errors!.map((e) => e.instancePath))}`,
      ).toBe(true);
    }
  });

  it('is byte-for-byte the same for the same input and clock', async () => {
    const a = renderJson(buildReport(await demoInput()));
    const b = renderJson(buildReport(await demoInput()));
    expect(a).toBe(b);
  });
});
