import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/client';
import { describeFieldError, fieldProblem, tell } from '../../src/errors';

const validation = (field: string, message: string) =>
  new ApiError(400, { type: 'urn:proactief:problem:validation', title: 'Invalid request', status: 400, detail: message, errors: [{ field, message }] }, null);

describe('API problems in Dutch', () => {
  it('names the field by its label, in a Dutch sentence', () => {
    expect(describeFieldError('note', 'note may not contain a national number (INSZ); the override is already linked to its resident')).toBe(
      '„Toelichting” mag geen rijksregisternummer bevatten.',
    );
    expect(describeFieldError('reason', 'reason may have at most 500 characters, has 501')).toBe('„Reden van intrekking” is te lang: hoogstens 500 tekens.');
    expect(describeFieldError('validUntil', 'validUntil is required')).toBe('„Geldig tot” ontbreekt.');
    expect(describeFieldError('validUntil', 'validUntil must be after validFrom')).toBe('“Geldig tot” moet na “Geldig van” liggen.');
    expect(describeFieldError('validFrom', 'validFrom may be at most 13 months back (2025-11-02)')).toBe('„Geldig van” ligt buiten de toegelaten periode.');
    expect(describeFieldError('tier', "unknown tier 'x' for scheme uitpas-kansentarief; one of a, b")).toBe('Deze keuze voor „Niveau” wordt niet aanvaard.');
    expect(describeFieldError('purpose', 'purpose is required; one of [RESIDENT_REQUEST, REVIEW_CASE, APPEAL, AUDIT]')).toBe('„Reden van raadpleging” ontbreekt.');
    expect(describeFieldError('insz', 'INSZ 85.07.30-***.** fails the mod-97 check')).toContain('controlecijfers');
  });

  it('leaves a field it does not know to the API', () => {
    expect(describeFieldError('cursor', 'cursor is not one this service gave; start again without it')).toBeNull();
    const told = tell(validation('cursor', 'cursor is not one this service gave'));
    expect(told.text).toBe('De server aanvaardt de vraag niet.');
    expect(told.detail).toBe('cursor is not one this service gave');
  });

  it('keeps the API detail as secondary text', () => {
    const error = validation('note', 'note may not contain a national number (INSZ); the override is already linked to its resident');
    expect(tell(error)).toEqual({
      text: '„Toelichting” mag geen rijksregisternummer bevatten.',
      detail: 'note may not contain a national number (INSZ); the override is already linked to its resident',
    });
    expect(fieldProblem(error, 'note')?.text).toBe('„Toelichting” mag geen rijksregisternummer bevatten.');
    expect(fieldProblem(error, 'tier')).toBeNull();
  });

  it('says in Dutch what went wrong without a field', () => {
    expect(tell(new ApiError(503, { detail: 'upstream down' }, 30)).text).toContain('Probeer het later opnieuw');
    expect(tell(new ApiError(0, {}, null)).text).toBe('Geen verbinding met de server. Probeer het opnieuw.');
    expect(tell(new ApiError(429, { detail: 'Too Many Requests' }, 5)).text).toContain('5 seconden');
  });
});
