import type { Lang } from './i18n';

const locales: Record<Lang, string> = { nl: 'nl-BE', en: 'en-GB' };

/** A calendar date "2026-12-31" as "31 december 2026 (2026-12-31)": words for people, the ISO date for certainty. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const words = new Intl.DateTimeFormat(locales[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  return `${words} (${iso})`;
}

/** A calendar date in words only. */
export function formatDateShort(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locales[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** An instant "2026-05-12T12:03:00Z" in local time: "12 mei 2026 14:03". */
export function formatInstant(iso: string | null | undefined, lang: Lang, timeZone?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[lang], {
    day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone,
  }).format(date);
}

/** A date or an instant, whichever the API gave. */
export function formatMoment(value: string | null | undefined, lang: Lang): string {
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, lang) : formatInstant(value, lang);
}

/** A clock time "14:03" a number of seconds from now. */
export function formatTimeFromNow(seconds: number, lang: Lang, now = Date.now(), timeZone?: string): string {
  return new Intl.DateTimeFormat(locales[lang], { hour: '2-digit', minute: '2-digit', second: seconds < 120 ? '2-digit' : undefined, timeZone })
    .format(new Date(now + seconds * 1000));
}

/** Today's date as YYYY-MM-DD, in local time. */
export function todayIso(now = new Date()): string {
  return isoDate(now);
}

export function isoDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** A date plus some months, as java.time does it: 31 March + 1 month = 30 April. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** 31 December of next year, a sensible default end of an override. */
export function endOfNextYear(now = new Date()): string {
  return `${now.getFullYear() + 1}-12-31`;
}

/** Euro from cents: 4200 → "€ 42,00" (nl) / "€42.00" (en). */
export function formatCents(cents: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** The city's time zone: entitlement dates are Belgian calendar dates. */
export const CITY_TIME_ZONE = 'Europe/Brussels';

/**
 * The last calendar day a validity covers, as YYYY-MM-DD. The API gives a date, or an instant that ends the
 * validity (exclusive: "2026-12-31T23:00:00Z" is midnight in Brussels, so the last day is 31 December).
 */
export function lastValidDay(value: string | null | undefined, timeZone = CITY_TIME_ZONE): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return value;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(at - 1));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A validity end for people: "31 december 2026 (2026-12-31)". */
export function formatValidUntil(value: string | null | undefined, lang: Lang): string {
  return formatDate(lastValidDay(value), lang);
}

/** A period as a range of dates in words: "2 dec. 2026 – 31 dec. 2026". */
export function formatPeriod(period: { from: string; until: string } | null | undefined, lang: Lang): string {
  if (!period) return '';
  return `${formatDateShort(period.from, lang)} – ${formatDateShort(period.until, lang)}`;
}

/** "gratis huisvuilzakken" → "Gratis huisvuilzakken", for headings and options. */
export function capitalize(text: string): string {
  return text ? text.charAt(0).toLocaleUpperCase() + text.slice(1) : text;
}
