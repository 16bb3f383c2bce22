import { describe, expect, it } from 'vitest';
import { containsInszLike, findInsz, formatInsz, inszDigits, inszState, isKnownMonth, isValidInsz } from '../../src/insz';

describe('national number input', () => {
  it('keeps only digits, at most 11, whatever separators people type', () => {
    expect(inszDigits('85.07.30-033.28')).toBe('85073003328');
    expect(inszDigits(' 85 07 30 033 28 ')).toBe('85073003328');
    expect(inszDigits('85-07-30/033-28')).toBe('85073003328');
    expect(inszDigits('850730033289999')).toBe('85073003328');
    expect(inszDigits('abc')).toBe('');
  });

  it('formats as 85.07.30-033.28, also while typing', () => {
    expect(formatInsz('85073003328')).toBe('85.07.30-033.28');
    expect(formatInsz('85 07 30 033 28')).toBe('85.07.30-033.28');
    expect(formatInsz('85.07.30-033.28')).toBe('85.07.30-033.28');
    expect(formatInsz('8')).toBe('8');
    expect(formatInsz('85')).toBe('85');
    expect(formatInsz('850')).toBe('85.0');
    expect(formatInsz('85073')).toBe('85.07.3');
    expect(formatInsz('8507300')).toBe('85.07.30-0');
    expect(formatInsz('8507300332')).toBe('85.07.30-033.2');
    expect(formatInsz('')).toBe('');
  });
});

describe('check digits', () => {
  it('accepts a number born before 2000: 97 - (first 9 digits mod 97)', () => {
    // 850730033 mod 97 = 69; 97 - 69 = 28
    expect(isValidInsz('85073003328')).toBe(true);
    expect(isValidInsz('85673090165')).toBe(true); // a MAGDA test number (month + 60)
  });

  it('accepts a number born in 2000 or later: computed over "2" + the 9 digits', () => {
    // 2 + 000101001: 2000101001 mod 97 = 33 → 64
    const nine = '000101001';
    const check = 97 - Number(BigInt('2' + nine) % 97n);
    const number = nine + String(check).padStart(2, '0');
    expect(isValidInsz(number)).toBe(true);
    // the pre-2000 rule would give another check number
    const old = 97 - Number(BigInt(nine) % 97n);
    expect(old).not.toBe(check);
    expect(isValidInsz(nine + String(old).padStart(2, '0'))).toBe(true);
  });

  it('rejects a wrong check number, too few or too many digits, and non-digits', () => {
    expect(isValidInsz('85073003329')).toBe(false);
    expect(isValidInsz('85073003327')).toBe(false);
    expect(isValidInsz('8507300332')).toBe(false);
    expect(isValidInsz('850730033288')).toBe(false);
    expect(isValidInsz('85.07.30-033.28')).toBe(false); // digits only: strip first
  });

  it('says what the field holds as people type', () => {
    expect(inszState('')).toEqual({ kind: 'empty' });
    expect(inszState('85.07.')).toEqual({ kind: 'incomplete', digits: '8507' });
    expect(inszState('85.07.30-033.29')).toEqual({ kind: 'invalid', digits: '85073003329' });
    expect(inszState('85.07.30-033.28')).toEqual({ kind: 'valid', digits: '85073003328' });
  });
});

describe('a note may not hold a national number (as the API decides: Insz.foundIn)', () => {
  // a number born in 2000 or later: check digits over "2" + the 9 digits
  const nine = '050101123';
  const from2000 = nine + String(97 - Number(BigInt('2' + nine) % 97n)).padStart(2, '0');

  it('finds a valid national number however it is written', () => {
    for (const text of [
      'kind 85073003328',
      'kind 85.07.30-033.28',
      'vader: 850730-033-28',
      '85 07 30 033 28',
      '85\u00A007\u00A030\u00A0033\u00A028',
      'INSZ: 85.07.30-033.28',
      'zie 85.07.30-033.28 in het dossier',
      '(85073003328)',
      `geboren na 2000: ${from2000}`,
      `${from2000.slice(0, 2)}.${from2000.slice(2, 4)}.${from2000.slice(4, 6)}-${from2000.slice(6, 9)}.${from2000.slice(9)}`,
      'MAGDA-testnummer 85673090165',
      'twee: 85073003328 en 85.07.30-033.28',
    ]) {
      expect(containsInszLike(text), text).toBe(true);
    }
  });

  it('sees a mistyped number standing on its own, as the API does', () => {
    expect(containsInszLike('rijksregisternummer vader 85073003329')).toBe(true);
  });

  it('says where the number stands', () => {
    expect(findInsz('kind 85.07.30-033.28.')).toEqual([{ start: 5, end: 20, digits: '85073003328' }]);
  });

  it('lets phone numbers, IBANs, dates, references and ordinary notes pass', () => {
    for (const text of [
      '+32 470 12 34 56',
      '+32470123456',
      '0032 470 12 34 56',
      '0470/12.34.56 - 2 kinderen',
      'BE68 5390 0754 7034',
      'BE68539007547034',
      '539-0075470-34',
      'dossier 2024-0012345',
      '20240312-001',
      '0403.170.701 - 1 vestiging',
      'a28a3036-9962-4f29-9371-45395d8a0ca8',
      'co-ouderschap 2026-01-01 - 2026-06-30',
      '01.01.2026 - 30.06.2026',
      'INV-2026-11-000123',
      '1764355200000',
      'Co-ouderschap sinds 2025, kind woont halftijds bij moeder.',
      'factuur 2026/123, 3 kinderen',
      '',
    ]) {
      expect(containsInszLike(text), text).toBe(false);
    }
  });

  it('does not take a valid number out of a longer run of digits, nor one broken where an INSZ is not', () => {
    expect(containsInszLike('12385073003328')).toBe(false); // 14 digits: no 11 stand as a group of their own
    expect(containsInszLike('8507.30033.28')).toBe(false); // breaks after the month without one after the year
    expect(containsInszLike('850 730 033 28')).toBe(false); // a break inside the date
  });

  it('needs a possible month (00–12, 20–32, 40–52, 61–72)', () => {
    expect(containsInszLike('85130033374')).toBe(false); // month 13, on its own
    expect(isKnownMonth(0) && isKnownMonth(12) && isKnownMonth(20) && isKnownMonth(52) && isKnownMonth(72)).toBe(true);
    expect(isKnownMonth(13) || isKnownMonth(19) || isKnownMonth(33) || isKnownMonth(60) || isKnownMonth(73)).toBe(false);
  });

  it('copes with long input', () => {
    expect(containsInszLike('1 2'.repeat(100_000))).toBe(false);
  });
});
