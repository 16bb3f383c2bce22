import { ApiError } from './api/client';
import { h, icon } from './dom';
import { t, type Texts } from './i18n';

/** What to tell people about a failed call: a sentence in the page's language, and the API's own words as secondary text. */
export interface Told {
  text: string;
  detail: string | null;
}

/** The request body fields the API may name, as the console labels them. */
const FIELD_LABELS: Record<string, (tx: Texts) => string> = {
  insz: (tx) => tx.inszLabel,
  scheme: (tx) => tx.schemeLabel,
  purpose: (tx) => tx.purposeLabel,
  outcome: (tx) => tx.outcomeLabel,
  tier: (tx) => tx.tierLabel,
  reasonCode: (tx) => tx.reasonLabel,
  note: (tx) => tx.noteLabel,
  validFrom: (tx) => tx.validFromLabel,
  validUntil: (tx) => tx.validUntilLabel,
  reason: (tx) => tx.revokeReasonLabel,
  state: (tx) => tx.stateLabel,
};

/** The label of an API field, or null when the console does not know it. */
export function fieldLabel(field: string): string | null {
  return FIELD_LABELS[field]?.(t()) ?? null;
}

/** One field's refusal in words, from the API's (English) message: null for a field the console does not know. */
export function describeFieldError(field: string, message: string): string | null {
  const tx = t();
  const name = fieldLabel(field);
  if (!name) return null;
  const m = message.toLowerCase();
  if (field === 'insz') {
    if (/mod-97|check/.test(m)) return tx.inszInvalid;
    if (/11 digits|must have/.test(m)) return tx.problemInszLength;
    if (/required|missing/.test(m)) return tx.inszRequired;
    return tx.problemInszRefused;
  }
  if (/national number|\binsz\b/.test(m)) return tx.problemHasInsz(name);
  if (/required|missing/.test(m)) return tx.problemRequired(name);
  const max = /at most (\d+) characters/.exec(m);
  if (max) return tx.problemTooLong(name, max[1]);
  if (/must be a date/.test(m)) return tx.problemNotADate(name);
  if (field === 'validUntil' && /must be after/.test(m)) return tx.validUntilBeforeFrom;
  if (/months (back|ahead)|must be between|must be after|must be before/.test(m)) return tx.problemOutOfRange(name);
  if (/one of|unknown|not in version|has no tier|must be/.test(m)) return tx.problemChoice(name);
  return tx.problemRefused(name);
}

/** The refusal of one field, if the API named it: in words, with the API's message as detail. */
export function fieldProblem(error: unknown, field: string): Told | null {
  if (!(error instanceof ApiError)) return null;
  const message = error.fieldError(field);
  if (!message) return null;
  return { text: describeFieldError(field, message) ?? message, detail: message };
}

/** What to tell the user about a failed call. */
export function tell(error: unknown): Told {
  const tx = t();
  if (!(error instanceof ApiError)) return { text: tx.errorStatus(0), detail: null };
  const detail = error.problem.detail || error.problem.title || null;
  if (error.status === 0) return { text: tx.errorNetwork, detail: null };
  if (error.status === 429) return { text: tx.tooManyRequests(error.retryAfterSeconds ?? 0), detail };
  if (error.status === 403) return { text: tx.errorForbidden, detail };
  const fields = (error.problem.errors ?? []).map((e) => (e.field ? describeFieldError(e.field, e.message ?? '') : null));
  if (fields.length && fields.every(Boolean)) return { text: [...new Set(fields)].join(' '), detail };
  if (error.status === 400 || error.status === 422) return { text: tx.problemBadRequest, detail };
  if (error.status === 404) return { text: tx.problemNotFound, detail };
  if (error.status === 409) return { text: tx.problemConflict, detail };
  if (error.status >= 500) return { text: tx.problemServer, detail };
  return { text: tx.errorStatus(error.status), detail };
}

/** The sentence alone, where there is room for no more (a notice line). */
export function messageOf(error: unknown): string {
  return tell(error).text;
}

/** The API's words, as secondary text: English as the API writes them. */
export function detailNode(detail: string | null | undefined): HTMLElement | null {
  if (!detail) return null;
  return h('span', { class: 'problem-detail' }, `${t().problemDetail} `, h('span', { lang: 'en' }, detail));
}

/** An error alert for a failed call: the sentence, then the API's detail. */
export function errorAlert(told: Told): HTMLElement {
  return h('p', { class: 'alert error' }, icon('info'), h('span', {}, h('span', { class: 'problem-text' }, told.text), detailNode(told.detail)));
}
