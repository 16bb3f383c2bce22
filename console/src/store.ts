import { Api } from './api/client';
import type { Purpose, Scheme } from './api/types';
import { accessToken } from './auth';
import { capitalize } from './format';
import { lang } from './i18n';

/** What the signed-in session shares between pages: the API client and the scheme catalogue. Memory only. */
export const api = new Api(accessToken);

let schemes: Scheme[] = [];

/** Order of the selectors: UiTPAS Kansentarief first (the desk's most common question), then as the API lists them. */
export const PREFERRED_FIRST = 'uitpas-kansentarief';

export function setSchemes(list: Scheme[]): void {
  schemes = [...list].sort((a, b) => rank(a) - rank(b));
}

function rank(s: Scheme): number {
  return s.id === PREFERRED_FIRST ? 0 : 1;
}

export function allSchemes(): Scheme[] {
  return schemes;
}

export function schemeById(id: string): Scheme | undefined {
  return schemes.find((s) => s.id === id);
}

export function schemeName(id: string): string {
  const s = schemeById(id);
  if (!s) return id;
  return lang() === 'en' ? s.nameEn || s.name : s.name;
}

/** The scheme's name for headings and options: "Gratis huisvuilzakken of ophaalkrediet". */
export function schemeTitle(id: string): string {
  return capitalize(schemeName(id));
}

/** A tier in words: its ground ("verhoogde tegemoetkoming of leefloon"), else its id. */
export function tierName(schemeId: string, tierId: string | null | undefined): string {
  if (!tierId) return '';
  const s = schemeById(schemeId);
  const tier = s?.tiers.find((x) => x.id === tierId) ?? s?.versions?.flatMap((v) => v.tiers).find((x) => x.id === tierId);
  if (!tier) return tierId;
  return lang() === 'en' ? tier.groundEn || tier.ground : tier.ground;
}

/** A hand-over from the worklist to the resident file (memory only): the purpose to preselect. */
let pendingPurpose: { purpose: Purpose; scheme?: string } | null = null;

export function handOverToFile(purpose: Purpose, scheme?: string): void {
  pendingPurpose = { purpose, scheme };
}

export function takeHandOver(): { purpose: Purpose; scheme?: string } | null {
  const value = pendingPurpose;
  pendingPurpose = null;
  return value;
}
