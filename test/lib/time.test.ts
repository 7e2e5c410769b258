import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/model.js';
import { addDays, DAY, daysBetween, isoDay, oneYearAfter, parseDay } from '../../src/lib/time.js';
import { decisionForm } from '../../src/ui/forms.js';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('isoDay', () => {
  it("gives a Date's day in UTC, whatever the machine's zone", () => {
    process.env.TZ = 'America/New_York'; // 03:30 UTC on 8 March is still 7 March in New York
    expect(isoDay(new Date('2026-03-08T03:30:00Z'))).toBe('2026-03-08');
    expect(isoDay(new Date('2026-12-31T23:59:59.999Z'))).toBe('2026-12-31');
  });

  it('gives the day an ISO timestamp names as written, offset included', () => {
    expect(isoDay('2026-03-01T23:30:00-05:00')).toBe('2026-03-01');
    expect(isoDay('2026-03-01')).toBe('2026-03-01');
  });
});

describe('daysBetween', () => {
  it('counts whole days, rounding a partial day down', () => {
    expect(daysBetween('2026-03-01T00:00:00Z', '2026-03-01T23:59:59Z')).toBe(0);
    expect(daysBetween('2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z')).toBe(1);
    expect(daysBetween('2026-01-01T12:00:00Z', '2026-03-31T11:59:59Z')).toBe(88); // an 89-day threshold is not reached yet
    expect(daysBetween(new Date('2026-01-01T12:00:00Z'), new Date('2026-03-31T12:00:00Z'))).toBe(89);
  });

  it('is negative, rounded down, when the second instant is earlier: a deletion 6.5 days away is 7 days left once negated', () => {
    expect(daysBetween('2026-03-01T12:00:00Z', '2026-03-01T00:00:00Z')).toBe(-1);
    expect(-daysBetween('2026-03-08T12:00:00Z', '2026-03-02T00:00:00Z')).toBe(7);
  });

  it('gives the exact difference of two YYYY-MM-DD days, across month ends, leap days and DST dates', () => {
    process.env.TZ = 'America/New_York';
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2); // the US clocks change on 8 March 2026
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2); // and back on 1 November
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2028-02-27', '2028-03-01')).toBe(3);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-02', '2026-03-01')).toBe(-1); // an overdue review
  });
});

describe('addDays and parseDay', () => {
  it('adds whole 24-hour days', () => {
    expect(addDays('2026-03-01T10:00:00Z', 365).toISOString()).toBe('2027-03-01T10:00:00.000Z');
    expect(addDays(new Date('2028-02-28T00:00:00Z'), 1).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(addDays('2026-03-01T00:00:00Z', -1).getTime()).toBe(Date.parse('2026-03-01T00:00:00Z') - DAY);
  });

  it('reads only YYYY-MM-DD days that exist', () => {
    expect(parseDay('2028-02-29')?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(parseDay('2026-02-29')).toBeUndefined();
    expect(parseDay('2026-02-30')).toBeUndefined();
    expect(parseDay('2026-2-1')).toBeUndefined();
    expect(parseDay('2026-03-01T00:00:00Z')).toBeUndefined();
  });
});

describe('oneYearAfter, the default review date', () => {
  it('is the same calendar day a year later, also across a 29 February', () => {
    expect(oneYearAfter(new Date('2026-11-24T15:00:00Z'))).toBe('2027-11-24');
    expect(oneYearAfter(new Date('2027-03-01T10:00:00Z'))).toBe('2028-03-01'); // 366 days later, not 365
    expect(oneYearAfter(new Date('2028-02-29T10:00:00Z'))).toBe('2029-03-01');
  });

  it("is what the wizard's decision form proposes, as `decide` does when --review-by is left out", () => {
    const finding = { id: 'password-policy', title: 'Password policy', hipaa: { section: '164.308(a)(5)(ii)(D)', obligation: 'addressable' } } as Finding;
    const now = new Date('2027-03-01T10:00:00Z');
    // It proposed 365 days later (2028-02-29) while `decide` recorded 2028-03-01 for the same day.
    expect(decisionForm(finding, now, 'dana').values.reviewBy).toBe('2028-03-01');
  });
});
