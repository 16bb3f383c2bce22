import { describe, expect, it, vi } from 'vitest';
import { parseRetryAfter } from '../../src/api/client';
import { appUrl, decodeJwtPayload, scopesOf, scopesOfAccessToken } from '../../src/auth';
import { endOfNextYear, formatDate, formatValidUntil, isoDate, lastValidDay } from '../../src/format';

describe('dates', () => {
  it('writes a validity date in words with the ISO date', () => {
    expect(formatDate('2026-12-31', 'nl')).toBe('31 december 2026 (2026-12-31)');
    expect(formatDate('2026-12-31', 'en')).toBe('31 December 2026 (2026-12-31)');
    expect(formatDate('2026-03-01', 'nl')).toBe('1 maart 2026 (2026-03-01)');
    expect(formatDate(null, 'nl')).toBe('');
  });

  it('gives local ISO dates and the end of next year', () => {
    expect(isoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(endOfNextYear(new Date(2026, 11, 2))).toBe('2027-12-31');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('Wed, 02 Dec 2026 01:00:30 GMT', Date.parse('2026-12-02T01:00:00Z'))).toBe(30);
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('access token scopes', () => {
  const base64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const token = (claims: object) => `eyJhbGciOiJub25lIn0.${base64url(JSON.stringify(claims))}.`;

  it('reads the scope claim of a JWT', () => {
    const claims = decodeJwtPayload(token({ sub: 'x', scope: 'openid entitlements/check entitlements/override' }));
    expect(scopesOf(claims)).toEqual(['openid', 'entitlements/check', 'entitlements/override']);
    expect(scopesOf(decodeJwtPayload(token({ scp: ['entitlements/check'] })))).toEqual(['entitlements/check']);
  });

  it('takes the access token scopes; those of the token response only for a token that shows none', () => {
    expect(scopesOfAccessToken(token({ scope: 'entitlements/check' }), ['openid', 'entitlements/override'])).toEqual(['entitlements/check']);
    expect(scopesOfAccessToken(token({ scp: 'entitlements/check entitlements/override' }), ['openid'])).toEqual(['entitlements/check', 'entitlements/override']);
    expect(scopesOfAccessToken('opaque-token', ['openid', 'entitlements/check'])).toEqual(['openid', 'entitlements/check']);
    expect(scopesOfAccessToken(token({ sub: 'x' }))).toEqual([]);
  });

  it('is null for something that is not a JWT', () => {
    expect(decodeJwtPayload('opaque')).toBeNull();
    expect(scopesOf(null)).toEqual([]);
  });
});

describe('addresses beside the app', () => {
  it('are under the base (/console/), not relative to the page', () => {
    vi.stubEnv('BASE_URL', '/console/');
    expect(appUrl('config.json')).toBe('/console/config.json');
    expect(appUrl('development-token')).toBe('/console/development-token');
    expect(appUrl('')).toBe('/console/');
    vi.unstubAllEnvs();
  });
});

describe('validity', () => {
  it('gives the last day a validity covers, in Brussels', () => {
    expect(lastValidDay('2026-12-31')).toBe('2026-12-31');
    expect(lastValidDay('2026-12-31T23:00:00Z')).toBe('2026-12-31'); // midnight in Brussels: exclusive end
    expect(lastValidDay('2027-06-30T22:00:00Z')).toBe('2027-06-30'); // summer time
    expect(lastValidDay('2026-12-03T01:35:36.278227252Z')).toBe('2026-12-03');
    expect(formatValidUntil('2026-12-31T23:00:00Z', 'nl')).toBe('31 december 2026 (2026-12-31)');
  });
});
