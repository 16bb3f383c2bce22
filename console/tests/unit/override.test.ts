import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/format';
import { MAX_NOTE_LENGTH, validateOverride, type OverrideDraft } from '../../src/pages/file';

const TODAY = '2026-12-02';

const draft = (over: Partial<OverrideDraft> = {}): OverrideDraft => ({
  scheme: 'uitpas-kansentarief',
  outcome: 'ENTITLED',
  tier: 'social-status',
  reasonCode: 'RECENT_MOVE',
  note: '',
  validFrom: '2026-12-02',
  validUntil: '2027-06-30',
  ...over,
});

describe('override rules, before sending', () => {
  it('accepts a complete override', () => {
    expect(validateOverride(draft(), TODAY)).toEqual({});
    expect(validateOverride(draft({ outcome: 'NOT_ENTITLED', tier: '' }), TODAY)).toEqual({});
  });

  it('needs a valid-until date, not before valid-from', () => {
    expect(validateOverride(draft({ validUntil: '' }), TODAY).validUntil).toBe('Vul in tot wanneer de afwijking geldt.');
    expect(validateOverride(draft({ validUntil: '2026-12-01' }), TODAY).validUntil).toBeDefined();
    expect(validateOverride(draft({ validUntil: '2026-12-02' }), TODAY).validUntil).toBeDefined(); // must be after
  });

  it('reaches at most 12 months ahead and 13 months back, as the API allows', () => {
    expect(validateOverride(draft({ validUntil: '2027-12-02' }), TODAY)).toEqual({});
    expect(validateOverride(draft({ validUntil: '2027-12-03' }), TODAY).validUntil).toContain('12 maanden');
    expect(validateOverride(draft({ validFrom: '2025-11-02' }), TODAY)).toEqual({});
    expect(validateOverride(draft({ validFrom: '2025-11-01' }), TODAY).validFrom).toContain('13 maanden');
  });

  it('adds months as java.time does', () => {
    expect(addMonths('2026-12-02', 12)).toBe('2027-12-02');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-12-02', -13)).toBe('2025-11-02');
  });

  it('needs a reason, and a tier when entitled', () => {
    expect(validateOverride(draft({ reasonCode: '' }), TODAY).reasonCode).toBeDefined();
    expect(validateOverride(draft({ tier: '' }), TODAY).tier).toBeDefined();
  });

  it('limits the note to the API maximum (500) and keeps national numbers out of it', () => {
    expect(MAX_NOTE_LENGTH).toBe(500);
    expect(validateOverride(draft({ note: 'x'.repeat(500) }), TODAY).note).toBeUndefined();
    expect(validateOverride(draft({ note: 'x'.repeat(501) }), TODAY).note).toContain('500');
    expect(validateOverride(draft({ note: 'inwoner 85.07.30-033.28' }), TODAY).note).toContain('rijksregisternummer');
  });
});
