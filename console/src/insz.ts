/**
 * The Belgian national number (INSZ / rijksregisternummer): 11 digits, the last two a mod-97
 * check over the first nine (or over "2" + the nine for people born in 2000 or later).
 * It lives only in memory, in the DOM while shown and in POST bodies: never in a URL or storage.
 */

export const INSZ_LENGTH = 11;

/** Only the digits of what was typed, at most 11: "85.07.30-033.28" → "85073003328". */
export function inszDigits(typed: string): string {
  return typed.replace(/\D+/g, '').slice(0, INSZ_LENGTH);
}

/** Whether 11 digits carry a valid check number (born before or from 2000). */
export function isValidInsz(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const check = Number(digits.slice(9));
  const before2000 = 97 - Number(BigInt(digits.slice(0, 9)) % 97n);
  const from2000 = 97 - Number(BigInt('2' + digits.slice(0, 9)) % 97n);
  return check === before2000 || check === from2000;
}

export type InszState =
  | { kind: 'empty' }
  | { kind: 'incomplete'; digits: string }
  | { kind: 'invalid'; digits: string }
  | { kind: 'valid'; digits: string };

/** What the field holds as people type. */
export function inszState(typed: string): InszState {
  const digits = inszDigits(typed);
  if (digits.length === 0) return { kind: 'empty' };
  if (digits.length < INSZ_LENGTH) return { kind: 'incomplete', digits };
  return isValidInsz(digits) ? { kind: 'valid', digits } : { kind: 'invalid', digits };
}

/** The usual written form, as far as typed: "85073003328" → "85.07.30-033.28". */
export function formatInsz(typed: string): string {
  const d = inszDigits(typed);
  let out = d.slice(0, 2);
  if (d.length > 2) out += '.' + d.slice(2, 4);
  if (d.length > 4) out += '.' + d.slice(4, 6);
  if (d.length > 6) out += '-' + d.slice(6, 9);
  if (d.length > 9) out += '.' + d.slice(9, 11);
  return out;
}

/** Whether the month part can stand in an INSZ: 00–12 (national number), 20–32 or 40–52 (bis number), 61–72 (MAGDA test number). */
export function isKnownMonth(month: number): boolean {
  return month <= 12 || (month >= 20 && month <= 32) || (month >= 40 && month <= 52) || (month >= 61 && month <= 72);
}

function checksumValid(eleven: string): boolean {
  const base = Number(eleven.slice(0, 9));
  const check = Number(eleven.slice(9, 11));
  return check === 97 - (base % 97) || check === 97 - ((2_000_000_000 + base) % 97);
}

function possibleDate(eleven: string): boolean {
  return isKnownMonth(Number(eleven.slice(2, 4)));
}

/*
 * What a note may not hold, found as the server finds it (be.proactief.core.insz.InszFinder#certain, behind
 * Insz.foundIn): a run is a stretch of digits in which any two follow each other with at most one separator mark
 * ('.', '-', '/', '_', a soft hyphen, typographic dashes, the minus sign) and up to 8 white space characters on either
 * side of it; runs inside a UUID do not count.
 */
const SPACE = new Set([
  '\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u180E', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\u200B',
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
]);
const SEPARATOR = new Set(['-', '.', '/', '_', '\u00AD', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);
const UUID = /(?<![0-9A-Za-z])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z])/g;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

interface Run {
  digits: string;
  /** where each digit stands in the text */
  at: number[];
  afterPlus: boolean;
}

function runs(text: string): Run[] {
  const uuids = [...text.matchAll(UUID)].map((m) => [m.index, m.index + m[0].length]);
  const found: Run[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i])) {
      i += 1;
      continue;
    }
    const start = i;
    const at = [i];
    let digits = text[i];
    let end = i + 1;
    for (;;) {
      let k = end;
      for (let n = 0; n < 8 && SPACE.has(text[k]); n += 1) k += 1;
      if (SEPARATOR.has(text[k])) k += 1;
      for (let n = 0; n < 8 && SPACE.has(text[k]); n += 1) k += 1;
      if (!isDigit(text[k])) break;
      at.push(k);
      digits += text[k];
      end = k + 1;
    }
    if (!uuids.some(([from, until]) => start >= from && end <= until)) found.push({ digits, at, afterPlus: start > 0 && text[start - 1] === '+' });
    i = end;
  }
  return found;
}

const startsGroup = (r: Run, i: number) => i === 0 || r.at[i] - r.at[i - 1] > 1;
const endsGroup = (r: Run, last: number) => last === r.digits.length - 1 || r.at[last + 1] - r.at[last] > 1;

/** Inside the 11 digits from i, breaks only after YY, MM, DD and the serial; after MM only with one after YY. */
function breaksOnlyAsAnInsz(r: Run, i: number): boolean {
  let afterYear = false;
  for (let k = 1; k <= 10; k += 1) {
    if (r.at[i + k] - r.at[i + k - 1] === 1) continue;
    if (k === 2) afterYear = true;
    else if (k === 4) {
      if (!afterYear) return false;
    } else if (k !== 6 && k !== 9) return false;
  }
  return true;
}

/** Where a note holds a national number, as the API refuses it: [start, end) in the text, and the 11 digits. */
export function findInsz(text: string): Array<{ start: number; end: number; digits: string }> {
  const found: Array<{ start: number; end: number; digits: string }> = [];
  for (const run of runs(text)) {
    if (run.digits.length < INSZ_LENGTH || run.afterPlus) continue;
    for (let i = 0; i + INSZ_LENGTH <= run.digits.length; i += 1) {
      const window = run.digits.slice(i, i + INSZ_LENGTH);
      if (!startsGroup(run, i) || !endsGroup(run, i + 10) || !breaksOnlyAsAnInsz(run, i)) continue;
      if ((possibleDate(window) && checksumValid(window)) || (run.digits.length === INSZ_LENGTH && possibleDate(window))) {
        found.push({ start: run.at[i], end: run.at[i + 10] + 1, digits: window });
        i += 10;
      }
    }
  }
  return found;
}

/**
 * Whether free text holds a national number standing on its own, exactly as the API decides (Insz.foundIn), so the
 * form refuses what the API would refuse and nothing else: 11 digits, on their own or with the breaks an INSZ is
 * written with (85.07.30-033.28, 85 07 30 033 28, 850730-033-28), whose check digits are valid (also by the rule for
 * births from 2000), or which are the whole number on their own and begin with a possible date (a mistyped one is
 * still somebody's). Dates, phone numbers (also after a '+'), IBANs, enterprise and file numbers pass.
 */
export function containsInszLike(text: string): boolean {
  return findInsz(text).length > 0;
}
