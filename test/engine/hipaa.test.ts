import { describe, expect, it } from 'vitest';
import { citationProblem, findSpec, formatSection, HIPAA_SPECS } from '../../src/engine/hipaa.js';

describe('HIPAA table', () => {
  it('knows the access-control specifications and their obligations', () => {
    expect(findSpec('164.312(a)(2)(i)')).toMatchObject({ title: 'Unique user identification', obligation: 'required', standard: '164.312(a)(1)' });
    expect(findSpec('164.312(a)(2)(iii)')?.obligation).toBe('addressable');
    expect(findSpec('164.308(a)(3)(ii)(C)')?.obligation).toBe('addressable');
    expect(formatSection('164.312(d)')).toBe('§164.312(d)');
  });

  it('has one entry per section, each pointing at a standard in the table', () => {
    const sections = HIPAA_SPECS.map((s) => s.section);
    expect(new Set(sections).size).toBe(sections.length);
    for (const s of HIPAA_SPECS) expect(findSpec(s.standard)).toBeDefined();
  });

  it('explains what is wrong with a citation', () => {
    expect(citationProblem('164.312(d)', 'required')).toBeUndefined();
    expect(citationProblem('§164.312(d)', 'required')).toMatch(/not a HIPAA section reference/);
    expect(citationProblem('164.312(z)', 'required')).toMatch(/not a Security Rule standard/);
    expect(citationProblem('164.312(a)(2)(iii)', 'required')).toMatch(/is addressable in HIPAA, but it is declared required/);
  });
});
