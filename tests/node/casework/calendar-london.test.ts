/** Europe/London by the Summer Time rule, checked against the platform's time-zone data. */
import { describe, expect, it } from 'vitest';
import { endOfLondonDay, londonDateOf } from '../../../src/casework/calendar';
import { londonOffsetMinutes } from '../../../src/casework/calendar/london';

const platform = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZoneName: 'longOffset',
});

function platformReading(ms: number): { date: string; offset: number } {
  const parts = platform.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  const zone = part('timeZoneName');
  // ICU writes GMT as 'GMT' or 'GMT+00:00', depending on its version.
  const offset =
    zone === 'GMT' || zone === 'GMT+00:00' ? 0 : zone === 'GMT+01:00' ? 60 : Number.NaN;
  return { date: `${part('year')}-${part('month')}-${part('day')}`, offset };
}

describe('Europe/London', () => {
  it('agrees with the platform’s Europe/London at every clock change and every midnight, 1996–2099', () => {
    const disagreements: string[] = [];
    const [first, last] = [Date.UTC(1996, 0, 1), Date.UTC(2100, 0, 1)];
    for (let day = first; day < last; day += 86_400_000) {
      // The clocks change at 01:00 UTC; 23:30 UTC is after midnight in BST but not in GMT.
      for (const ms of [day + 3_600_000 - 1, day + 3_600_000, day + 84_600_000]) {
        const expected = platformReading(ms);
        const ours = {
          date: londonDateOf(new Date(ms)),
          offset: londonOffsetMinutes(new Date(ms)),
        };
        if (ours.date !== expected.date || ours.offset !== expected.offset) {
          disagreements.push(new Date(ms).toISOString());
        }
      }
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
  });

  it('moves to BST at 01:00 UTC on the last Sunday of March (28 March 2027)', () => {
    expect(londonOffsetMinutes('2027-03-28T00:59:59.999Z')).toBe(0);
    expect(londonOffsetMinutes('2027-03-28T01:00:00Z')).toBe(60);
  });

  it('moves back to GMT at 01:00 UTC on the last Sunday of October (31 October 2027)', () => {
    expect(londonOffsetMinutes('2027-10-31T00:59:59.999Z')).toBe(60);
    expect(londonOffsetMinutes('2027-10-31T01:00:00Z')).toBe(0);
  });

  it('ends the days of the clock changes with the offset then in force', () => {
    expect(endOfLondonDay('2027-03-28')).toBe('2027-03-28T23:59:59.999+01:00');
    expect(endOfLondonDay('2027-10-31')).toBe('2027-10-31T23:59:59.999+00:00');
    expect(endOfLondonDay('2027-03-27')).toBe('2027-03-27T23:59:59.999+00:00');
    expect(endOfLondonDay('2027-10-30')).toBe('2027-10-30T23:59:59.999+01:00');
  });

  it('reads instants with any offset as the same moment', () => {
    expect(londonDateOf('2027-06-11T08:30:00+09:00')).toBe('2027-06-11');
    expect(londonDateOf('2027-06-10T19:30:00-04:00')).toBe('2027-06-11');
    expect(londonDateOf('2027-06-10T23:29:59.999+00:00')).toBe('2027-06-11');
  });
});
