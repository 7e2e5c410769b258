/** The demo clinic's register holds a not-reasonable decision on a required safeguard (DEMO-D6); the report shows it refused, and why (issue 13). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/engine/model.js';
import { loadRegistry } from '../../src/engine/registry.js';
import { runAll } from '../../src/engine/runner.js';
import { buildDemoState } from '../../src/demo/account.js';
import { loadDemoRecords } from '../../src/records/demo-base.js';
import { buildRecordsView } from '../../src/records/view.js';
import { renderHtml } from '../../src/report/html.js';
import { recordsForReport } from '../../src/report/index.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { buildReport } from '../../src/report/model.js';
import { NOW, reportValidator } from './helpers.js';

async function demoReport() {
  const registry = await loadRegistry();
  const view = buildRecordsView([], await loadDemoRecords(NOW));
  const state = buildDemoState(NOW);
  const findings = runAll(registry, state, { now: NOW, settings: DEFAULT_SETTINGS, records: view });
  return buildReport({ mode: 'demo', state, steps: registry.steps, findings, records: recordsForReport(view, 'hipaa-records', true), catalog: registry, settings: DEFAULT_SETTINGS, now: NOW, dueWithinDays: 60 });
}

const WHY =
  'console-users-mfa cites §164.312(d) (Person or entity authentication), which is a required specification: only an addressable specification may be documented as not reasonable and appropriate (§164.306(d)(3)); a required safeguard must be implemented.';

describe("the demo's refused not-reasonable decision in the report", () => {
  it('keeps console-users-mfa failing, says the decision is refused, and marks the decision row', async () => {
    const doc = await demoReport();
    const finding = doc.findings.find((f) => f.id === 'console-users-mfa');
    expect(finding?.status).toBe('fail');
    expect(finding?.message).toContain(`The decision DEMO-D6 (not-reasonable, by Dana Okafor) is refused: ${WHY}`);
    const d6 = doc.decisions.find((d) => d.id === 'DEMO-D6');
    expect(d6).toMatchObject({ subject: 'console-users-mfa', status: 'not-reasonable', refused: WHY });
    // The demo's equivalent alternative sits on an addressable specification and is not refused.
    expect(doc.decisions.find((d) => d.id === 'DEMO-D3')).toMatchObject({ subject: 'anti-malware', status: 'alternative', refused: null });
    expect(reportValidator()(JSON.parse(JSON.stringify(doc)))).toBe(true);

    const md = renderMarkdown(doc);
    const row = md.split('\n').find((l) => l.startsWith('| `DEMO-D6` |')) ?? '';
    expect(row).toContain('not-reasonable, REFUSED: console-users-mfa cites §164.312(d) (Person or entity authentication), which is a required specification');
    expect(renderHtml(doc)).toContain('<strong class="overdue">Refused:</strong> console-users-mfa cites §164.312(d)');
  });
});
