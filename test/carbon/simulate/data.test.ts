import { describe, expect, it } from 'vitest';
import { zoneTimeZone } from '../../../src/carbon/simulate/data.js';

describe('zoneTimeZone: working hours of an Electricity Maps zone', () => {
  it.each([
    ['DE-LU', 'Europe/Berlin'], // bundled
    ['US-CAL-CISO', 'America/Los_Angeles'], // bundled
    ['FR', 'Europe/Paris'], // a country with one time zone
    ['DE', 'Europe/Berlin'], // DE also lists Büsingen's Europe/Zurich, whose country is CH
    ['IT-NO', 'Europe/Rome'], // a sub-zone of a one-zone country
    ['IN-WE', 'Asia/Kolkata'],
  ])('%s → %s', (zone, tz) => {
    expect(zoneTimeZone(zone)).toEqual({ timeZone: tz });
  });

  it('names why it cannot choose: a country spanning several zones, or no country at all', () => {
    const us = zoneTimeZone('US-MIDA-PJM');
    expect(us.timeZone).toBeUndefined();
    expect(us.reason).toMatch(/zone "US-MIDA-PJM": United States.* spans \d+ time zones \(America\//);
    expect(zoneTimeZone('AU-NSW').reason).toMatch(/Australia spans/);
    expect(zoneTimeZone('ZZZ').reason).toMatch(/not a known country or bundled region/);
  });
});
