import { ApiError } from '../api/client';
import type { DecisionView, OverrideOutcome, OverrideRequest, OverrideView, Purpose, ReasonCode, ReviewCase } from '../api/types';
import { append, facts, h, icon, replace, uid } from '../dom';
import { errorAlert, fieldProblem, tell } from '../errors';
import { Field, InszField, select } from '../fields';
import { addMonths, formatDate, formatInstant, formatMoment, formatPeriod, todayIso } from '../format';
import { label, lang, t } from '../i18n';
import { containsInszLike, formatInsz } from '../insz';
import { allSchemes, api, schemeById, schemeTitle, takeHandOver, tierName } from '../store';
import { reviewCaseFacts } from './worklist';
import type { Page } from './page';

/** The API's limits (Override.MAX_NOTE_LENGTH, OverrideController.MAX_REASON_LENGTH). */
export const MAX_NOTE_LENGTH = 500;
export const MAX_REVOKE_REASON_LENGTH = 500;
/** OverrideService.MAX_MONTHS_AHEAD and MAX_MONTHS_BACK: how far an override may reach from today. */
export const MAX_MONTHS_AHEAD = 12;
export const MAX_MONTHS_BACK = 13;

export const PURPOSES: Purpose[] = ['RESIDENT_REQUEST', 'REVIEW_CASE', 'APPEAL', 'AUDIT'];
export const REASON_CODES: ReasonCode[] = ['CO_PARENTING', 'RECENT_MOVE', 'STALE_DATA', 'OTHER'];

interface FileData {
  decisions: Map<string, DecisionView[]>;
  overrides: OverrideView[];
  reviews: ReviewCase[];
}

export interface OverrideDraft {
  scheme: string;
  outcome: string;
  tier: string;
  reasonCode: string;
  note: string;
  validFrom: string;
  validUntil: string;
}

export type DraftErrors = Partial<Record<keyof OverrideDraft, string>>;

/** The rules an override must meet, checked before anything is sent. */
export function validateOverride(d: OverrideDraft, today = todayIso()): DraftErrors {
  const tx = t();
  const l = lang();
  const errors: DraftErrors = {};
  const from = d.validFrom || today;
  const earliest = addMonths(today, -MAX_MONTHS_BACK);
  const latest = addMonths(today, MAX_MONTHS_AHEAD);
  if (!d.reasonCode) errors.reasonCode = tx.reasonRequired;
  if (d.outcome === 'ENTITLED' && !d.tier) errors.tier = tx.tierRequired;
  if (d.validFrom && d.validFrom < earliest) errors.validFrom = tx.validFromTooEarly(MAX_MONTHS_BACK, formatDate(earliest, l));
  if (!d.validUntil) errors.validUntil = tx.validUntilRequired;
  else if (d.validUntil <= from) errors.validUntil = tx.validUntilBeforeFrom;
  else if (d.validUntil > latest) errors.validUntil = tx.validUntilTooFar(MAX_MONTHS_AHEAD, formatDate(latest, l));
  if (d.note.length > MAX_NOTE_LENGTH) errors.note = tx.noteTooLong(MAX_NOTE_LENGTH, d.note.length);
  else if (containsInszLike(d.note)) errors.note = tx.noteHasInsz;
  return errors;
}

/** A resident's file: decisions, overrides and review cases per scheme, and the override form. */
export class FilePage implements Page {
  /** The open file's national number: memory only, sent in POST bodies, never in a URL. */
  private insz: string | null = null;
  /** The purpose the open file was consulted with: it changes only with a new search. */
  private purpose: Purpose | null = null;
  /** The purpose chosen in the search form, for the next search. */
  private searchPurpose: Purpose | '' = '';
  private data: FileData | null = null;
  private loading = false;
  private message: string | null = null;
  private openRevoke: string | null = null;
  /** What was typed as the reason of the open revocation: it survives a rebuild (language switch). */
  private revokeText = '';
  private formScheme: string | null = null;
  /** A closer for the revocation panel that is open, if any: one at a time. */
  private closeRevoke: (() => void) | null = null;
  /** A hand-over met an open file consulted for another purpose: say so where the keyboard lands. */
  private askNewSearch = false;

  private inszField!: InszField;
  private purposeField!: Field<HTMLSelectElement>;
  private searchAlert!: HTMLDivElement;
  private fileSection!: HTMLElement;
  private formSection!: HTMLElement;
  private messageEl!: HTMLParagraphElement;

  title(): string {
    return t().fileTitle;
  }

  mount(main: HTMLElement): void {
    const tx = t();
    const handOver = takeHandOver();
    if (handOver) {
      // preselect for the next search; an open file keeps the purpose it was consulted with
      this.searchPurpose = handOver.purpose;
      if (handOver.scheme) this.formScheme = handOver.scheme;
      if (this.insz && this.purpose && this.purpose !== handOver.purpose) {
        this.message = tx.fileHandOverNewSearch(label(tx.purposes, this.purpose), label(tx.purposes, handOver.purpose));
        this.askNewSearch = true;
      }
    }
    this.inszField = new InszField('file-insz');
    if (this.insz) this.inszField.value = this.insz;
    const purposeSelect = select([['', tx.purposeChoose], ...PURPOSES.map((p): [string, string] => [p, label(tx.purposes, p)])], {
      id: 'file-purpose',
      name: 'purpose',
      required: true,
      'aria-required': 'true',
    });
    purposeSelect.value = this.searchPurpose;
    this.purposeField = new Field(tx.purposeLabel, purposeSelect);
    purposeSelect.addEventListener('change', () => {
      this.searchPurpose = purposeSelect.value as Purpose | '';
      this.purposeField.setError(null);
    });
    this.searchAlert = h('div', { role: 'alert', class: 'alert-slot' });
    const searchForm = h(
      'form',
      { class: 'panel search-form', novalidate: true, 'aria-label': tx.searchFile, onsubmit: (e: Event) => this.search(e) },
      h('div', { class: 'row' }, this.inszField.element, this.purposeField.element),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, tx.searchFile)),
      this.searchAlert,
    );
    this.messageEl = h('p', { class: 'file-message', role: 'status', tabindex: -1 });
    this.fileSection = h('section', { class: 'file', 'aria-labelledby': 'file-heading' });
    this.formSection = h('section', { class: 'panel override-form-section', 'aria-labelledby': 'override-form-heading' });
    append(
      main,
      h('h1', { id: 'page-title', tabindex: -1 }, tx.fileTitle),
      h('p', { class: 'intro' }, tx.fileIntro),
      searchForm,
      this.messageEl,
      this.fileSection,
      this.formSection,
    );
    this.renderFile();
  }

  unmount(): void {}

  initialFocus(): HTMLElement | null {
    if (this.askNewSearch) {
      this.askNewSearch = false;
      return this.messageEl;
    }
    return this.insz ? null : this.inszField.control;
  }

  destroy(): void {
    this.insz = null;
    this.purpose = null;
    this.searchPurpose = '';
    this.data = null;
    this.message = null;
    this.openRevoke = null;
    this.revokeText = '';
    this.closeRevoke = null;
    this.formScheme = null;
  }

  private async search(event: Event): Promise<void> {
    event.preventDefault();
    const digits = this.inszField.validDigits();
    const purpose = this.purposeField.control.value as Purpose | '';
    if (!purpose) this.purposeField.setError(t().purposeRequired);
    if (!digits) {
      this.inszField.focus();
      return;
    }
    if (!purpose) {
      this.purposeField.focus();
      return;
    }
    replace(this.searchAlert);
    if (this.insz !== digits) {
      // another resident: nothing of the last one's file or override form may stay
      this.openRevoke = null;
      this.revokeText = '';
      this.closeRevoke = null;
      this.data = null;
      replace(this.formSection);
      replace(this.fileSection);
    }
    this.insz = digits;
    this.purpose = purpose;
    this.message = null;
    await this.load();
    if (this.data) document.getElementById('file-heading')?.focus();
  }

  private async load(): Promise<void> {
    const insz = this.insz;
    const purpose = this.purpose;
    if (!insz || !purpose) return;
    this.loading = true;
    this.setMessage(t().loadingFile);
    try {
      const schemes = allSchemes();
      const [decisionLists, overrides, reviews] = await Promise.all([
        Promise.all(schemes.map((s) => api.decisions(insz, s.id, purpose))),
        api.overrides(insz, purpose),
        api.reviews({ insz, purpose, order: 'NEWEST' }),
      ]);
      if (this.insz !== insz || this.purpose !== purpose) return; // another file was opened meanwhile
      const decisions = new Map<string, DecisionView[]>();
      schemes.forEach((s, i) => decisions.set(s.id, decisionLists[i] ?? []));
      this.data = { decisions, overrides, reviews: reviews.cases ?? [] };
      this.setMessage(this.message);
    } catch (error) {
      if (this.insz !== insz || this.purpose !== purpose) return;
      const told = tell(error);
      const inszProblem = fieldProblem(error, 'insz');
      if (inszProblem) this.inszField.setProblem(inszProblem);
      const purposeProblem = fieldProblem(error, 'purpose');
      if (purposeProblem) this.purposeField.setProblem(purposeProblem);
      this.data = null;
      this.setMessage(null);
      replace(this.searchAlert, errorAlert(told));
    } finally {
      this.loading = false;
      this.renderFile();
    }
  }

  private setMessage(text: string | null): void {
    if (this.messageEl) this.messageEl.textContent = text ?? '';
    this.messageEl?.classList.toggle('empty', !text);
  }

  private closeFile(): void {
    this.destroy();
    this.inszField.value = '';
    this.purposeField.control.value = '';
    this.setMessage(null);
    this.renderFile();
    this.inszField.focus();
  }

  private renderFile(): void {
    const tx = t();
    this.setMessage(this.loading ? tx.loadingFile : this.message);
    if (!this.insz || !this.data) {
      replace(this.fileSection);
      replace(this.formSection);
      this.fileSection.hidden = true;
      this.formSection.hidden = true;
      return;
    }
    this.fileSection.hidden = false;
    this.formSection.hidden = false;
    const data = this.data;
    this.closeRevoke = null; // the cards are built anew; an open revocation reopens in its new card
    const schemeSections = allSchemes().map((s) => {
      const decisions = data.decisions.get(s.id) ?? [];
      const overrides = data.overrides.filter((o) => o.scheme === s.id);
      const headingId = uid('scheme');
      return h(
        'section',
        { class: 'scheme-block', 'aria-labelledby': headingId },
        h('h3', { id: headingId }, schemeTitle(s.id)),
        h('h4', {}, tx.decisionsHeading),
        decisions.length ? h('ul', { class: 'cards' }, ...decisions.map((d) => h('li', {}, this.decisionCard(d)))) : h('p', { class: 'muted' }, tx.noDecisions),
        h('h4', {}, tx.overridesHeading),
        overrides.length ? h('ul', { class: 'cards' }, ...overrides.map((o) => h('li', {}, this.overrideCard(o)))) : h('p', { class: 'muted' }, tx.noOverrides),
      );
    });
    // overrides of a scheme no longer in the catalogue stay visible
    const known = new Set(allSchemes().map((s) => s.id));
    const orphans = data.overrides.filter((o) => !known.has(o.scheme));
    replace(
      this.fileSection,
      h(
        'div',
        { class: 'file-head' },
        h('h2', { id: 'file-heading', tabindex: -1 }, tx.fileOf(formatInsz(this.insz))),
        h('p', { class: 'muted' }, tx.filePurpose(label(tx.purposes, this.purpose))),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.closeFile() }, tx.closeFile),
      ),
      ...schemeSections,
      orphans.length ? h('ul', { class: 'cards' }, ...orphans.map((o) => h('li', {}, this.overrideCard(o)))) : null,
      h(
        'section',
        { class: 'scheme-block', 'aria-labelledby': 'file-reviews-heading' },
        h('h3', { id: 'file-reviews-heading' }, tx.reviewsHeading),
        data.reviews.length
          ? h('ul', { class: 'cards' }, ...data.reviews.map((c) => h('li', {}, h('article', { class: 'card review' }, h('h4', {}, `${schemeTitle(c.scheme)}, ${formatPeriod(c.period, lang())}`), reviewCaseFacts(c, true)))))
          : h('p', { class: 'muted' }, tx.noReviews),
      ),
    );
    if (!this.formSection.firstChild) this.renderForm();
  }

  private decisionCard(d: DecisionView): HTMLElement {
    const tx = t();
    const l = lang();
    const tier = d.tier ? `${tierName(d.scheme, d.tier)} (${d.tier})` : null;
    return h(
      'article',
      { class: `card decision outcome-${d.outcome.toLowerCase().replace('_', '-')}` },
      h('h5', {}, icon(outcomeIcon(d.outcome)), h('span', {}, `${label(tx.outcomes, d.outcome)}, ${formatPeriod(d.period, l)}`)),
      facts([
        [tx.outcomeLabel, `${label(tx.outcomes, d.outcome)} (${d.outcome})`],
        [tx.tierLabel, tier],
        [tx.basisLabel, `${label(tx.bases, d.basis)} (${d.basis})`],
        [tx.schemeVersionLabel, String(d.schemeVersion)],
        [tx.periodLabel, formatPeriod(d.period, l)],
        [tx.decidedAtLabel, formatInstant(d.decidedAt, l)],
        [tx.validUntilLabel, formatMoment(d.validUntil, l)],
        [tx.platformReferenceLabel, d.platformReference],
        [tx.platformWarningsLabel, d.platformWarnings && d.platformWarnings.length ? d.platformWarnings.join(', ') : null],
        [tx.fulfilmentLabel, d.fulfilment ? `${d.fulfilment.reference}, ${formatInstant(d.fulfilment.at, l)}` : null],
      ]),
    );
  }

  private overrideCard(o: OverrideView): HTMLElement {
    const tx = t();
    const l = lang();
    const headingId = uid('override');
    const tier = o.tier ? `${tierName(o.scheme, o.tier)} (${o.tier})` : null;
    const author = o.authorApplication ? `${o.author} (${o.authorApplication})` : o.author;
    const card = h(
      'article',
      { class: `card override outcome-${o.outcome.toLowerCase().replace('_', '-')}${o.revoked ? ' revoked' : ''}`, 'aria-labelledby': headingId },
      h(
        'h5',
        { id: headingId },
        icon(o.revoked ? 'info' : outcomeIcon(o.outcome)),
        h('span', {}, `${label(tx.outcomes, o.outcome)}${tier ? ', ' + tierName(o.scheme, o.tier) : ''}: ${formatPeriod({ from: o.validFrom, until: o.validUntil }, l)}${o.revoked ? ` (${tx.revokedLabel.toLowerCase()})` : ''}`),
      ),
      facts([
        [tx.stateLabel, o.revoked && o.revocation ? tx.revokedBy(o.revocation.by, formatInstant(o.revocation.at, l)) : o.revoked ? tx.revokedLabel : tx.activeLabel],
        [tx.revokeReasonLabel, o.revocation?.reason ?? null],
        [tx.outcomeLabel, `${label(tx.outcomes, o.outcome)} (${o.outcome})`],
        [tx.tierLabel, tier],
        [tx.reasonLabel, `${label(tx.reasonCodes, o.reasonCode)} (${o.reasonCode})`],
        [tx.noteLabel, o.note],
        [tx.validityLabel, `${formatDate(o.validFrom, l)} – ${formatDate(o.validUntil, l)}`],
        [tx.authorLabel, author],
        [tx.createdAtLabel, formatInstant(o.createdAt, l)],
      ]),
    );
    if (!o.revoked) card.appendChild(this.revokeControls(o, headingId));
    return card;
  }

  /** The Intrekken button; the panel with the reason and the confirmation is built only when it is clicked. */
  private revokeControls(o: OverrideView, headingId: string): HTMLElement {
    const tx = t();
    const panelId = uid('revoke');
    const wrapper = h('div', { class: 'revoke' });
    const toggle = h(
      'button',
      { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-describedby': headingId },
      tx.revoke,
    );
    let panel: HTMLFormElement | null = null;
    let reason: HTMLTextAreaElement | null = null;

    const close = (focusToggle: boolean) => {
      panel?.remove();
      panel = null;
      reason = null;
      toggle.setAttribute('aria-expanded', 'false');
      toggle.removeAttribute('aria-controls');
      if (this.closeRevoke === closeThis) this.closeRevoke = null;
      if (this.openRevoke === o.overrideId) {
        this.openRevoke = null;
        this.revokeText = '';
      }
      if (focusToggle) toggle.focus();
    };
    const closeThis = () => close(false);

    const open = () => {
      // one revocation at a time
      if (this.closeRevoke && this.closeRevoke !== closeThis) this.closeRevoke();
      if (this.openRevoke !== o.overrideId) this.revokeText = '';
      this.openRevoke = o.overrideId;
      this.closeRevoke = closeThis;
      panel = this.revokePanel(o, panelId, () => close(true));
      reason = panel.querySelector('textarea');
      wrapper.appendChild(panel);
      toggle.setAttribute('aria-expanded', 'true');
      toggle.setAttribute('aria-controls', panelId);
    };

    toggle.addEventListener('click', () => {
      if (panel) {
        close(true);
        return;
      }
      open();
      reason?.focus();
    });
    wrapper.appendChild(toggle);
    // rebuilt (language switch, a reload of the file) while open: open again, with what was typed
    if (this.openRevoke === o.overrideId) open();
    return wrapper;
  }

  private revokePanel(o: OverrideView, panelId: string, cancel: () => void): HTMLFormElement {
    const tx = t();
    const reason = h('textarea', { id: panelId + '-reason', name: 'revoke-reason', rows: 2, maxlength: MAX_REVOKE_REASON_LENGTH * 2 });
    reason.value = this.revokeText;
    reason.addEventListener('input', () => {
      this.revokeText = reason.value;
    });
    const reasonField = new Field(tx.revokeReasonLabel, reason);
    const alertSlot = h('div', { role: 'alert', class: 'alert-slot' });
    const confirm = h('button', { type: 'submit', class: 'danger' }, tx.confirmRevoke);
    const panel = h(
      'form',
      { id: panelId, class: 'revoke-panel', novalidate: true, 'aria-label': tx.revoke },
      reasonField.element,
      h('div', { class: 'actions' }, confirm, h('button', { type: 'button', class: 'secondary', onclick: cancel }, tx.cancel)),
      alertSlot,
    );
    let busy = false;
    panel.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (busy) return;
      const text = reason.value.trim();
      if (!text) {
        reasonField.setError(tx.revokeReasonRequired);
        reason.focus();
        return;
      }
      if (text.length > MAX_REVOKE_REASON_LENGTH) {
        reasonField.setError(tx.revokeReasonTooLong(MAX_REVOKE_REASON_LENGTH, text.length));
        reason.focus();
        return;
      }
      if (containsInszLike(text)) {
        reasonField.setError(tx.problemHasInsz(tx.revokeReasonLabel));
        reason.focus();
        return;
      }
      reasonField.setError(null);
      replace(alertSlot);
      busy = true;
      confirm.setAttribute('aria-disabled', 'true');
      try {
        await api.revokeOverride(o.overrideId, text);
        this.message = tx.revokedDone;
      } catch (error) {
        busy = false;
        confirm.removeAttribute('aria-disabled');
        if (error instanceof ApiError && error.status === 409) {
          this.message = tx.alreadyRevoked;
        } else {
          reasonField.setProblem(fieldProblem(error, 'reason'));
          replace(alertSlot, errorAlert(tell(error)));
          return;
        }
      }
      this.openRevoke = null;
      this.revokeText = '';
      this.closeRevoke = null;
      await this.load();
      this.messageEl.focus();
    });
    return panel;
  }

  private renderForm(): void {
    const tx = t();
    const schemes = allSchemes();
    const schemeSelect = select(schemes.map((s) => [s.id, schemeTitle(s.id)]), { id: 'ov-scheme', name: 'ov-scheme' });
    if (this.formScheme && schemeById(this.formScheme)) schemeSelect.value = this.formScheme;
    const outcomeSelect = select(
      [
        ['ENTITLED', tx.outcomeEntitled],
        ['NOT_ENTITLED', tx.outcomeNotEntitled],
      ],
      { id: 'ov-outcome', name: 'ov-outcome' },
    );
    const tierSelect = h('select', { id: 'ov-tier', name: 'ov-tier' });
    const reasonSelect = select([['', tx.reasonChoose], ...REASON_CODES.map((c): [string, string] => [c, label(tx.reasonCodes, c)])], {
      id: 'ov-reason',
      name: 'ov-reason',
      required: true,
      'aria-required': 'true',
    });
    const note = h('textarea', { id: 'ov-note', name: 'ov-note', rows: 3 });
    const counter = h('p', { class: 'counter small muted', id: 'ov-note-count' }, tx.noteCount(0, MAX_NOTE_LENGTH));
    const validFrom = h('input', { id: 'ov-from', name: 'ov-from', type: 'date' });
    validFrom.value = todayIso();
    validFrom.min = addMonths(todayIso(), -MAX_MONTHS_BACK);
    const validUntil = h('input', { id: 'ov-until', name: 'ov-until', type: 'date', required: true, 'aria-required': 'true' });
    validUntil.max = addMonths(todayIso(), MAX_MONTHS_AHEAD);

    const fields = {
      scheme: new Field(tx.schemeLabel, schemeSelect),
      outcome: new Field(tx.outcomeLabel, outcomeSelect),
      tier: new Field(tx.tierLabel, tierSelect),
      reasonCode: new Field(tx.reasonLabel, reasonSelect),
      note: new Field(tx.noteLabel, note, tx.noteHint(MAX_NOTE_LENGTH), counter),
      validFrom: new Field(tx.validFromLabel, validFrom),
      validUntil: new Field(tx.validUntilLabel, validUntil),
    };
    note.setAttribute('aria-describedby', `${note.getAttribute('aria-describedby')} ov-note-count`);

    const fillTiers = () => {
      const scheme = schemeById(schemeSelect.value);
      const previous = tierSelect.value;
      replace(tierSelect);
      if (outcomeSelect.value !== 'ENTITLED') {
        tierSelect.appendChild(h('option', { value: '' }, tx.tierNotApplicable));
        tierSelect.disabled = true;
        return;
      }
      tierSelect.disabled = false;
      for (const tier of scheme?.tiers ?? []) {
        tierSelect.appendChild(h('option', { value: tier.id }, `${lang() === 'en' ? tier.groundEn || tier.ground : tier.ground} (${tier.id})`));
      }
      if ([...tierSelect.options].some((o) => o.value === previous)) tierSelect.value = previous;
    };
    fillTiers();
    schemeSelect.addEventListener('change', () => {
      this.formScheme = schemeSelect.value;
      fillTiers();
    });
    outcomeSelect.addEventListener('change', fillTiers);
    note.addEventListener('input', () => {
      counter.textContent = tx.noteCount(note.value.length, MAX_NOTE_LENGTH);
      const errors = validateOverride({ ...draft(), reasonCode: 'x', validFrom: '', validUntil: addMonths(todayIso(), 1) });
      fields.note.setError(errors.note ?? null);
    });
    for (const [key, field] of Object.entries(fields)) {
      if (key !== 'note') field.control.addEventListener('change', () => field.setError(null));
    }

    const draft = (): OverrideDraft => ({
      scheme: schemeSelect.value,
      outcome: outcomeSelect.value,
      tier: tierSelect.disabled ? '' : tierSelect.value,
      reasonCode: reasonSelect.value,
      note: note.value,
      validFrom: validFrom.value,
      validUntil: validUntil.value,
    });

    const summary = h('div', { role: 'alert', class: 'alert-slot' });
    const saved = h('p', { role: 'status', class: 'form-status' });
    const save = h('button', { type: 'submit', class: 'primary' }, tx.saveOverride);
    const form = h(
      'form',
      { class: 'override-form', novalidate: true, 'aria-labelledby': 'override-form-heading' },
      h('div', { class: 'row' }, fields.scheme.element, fields.outcome.element, fields.tier.element),
      h('div', { class: 'row' }, fields.reasonCode.element, fields.validFrom.element, fields.validUntil.element),
      fields.note.element,
      h('div', { class: 'actions' }, save),
      summary,
      saved,
    );
    let busy = false;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (busy || !this.insz) return;
      replace(summary);
      saved.textContent = '';
      const d = draft();
      const errors = validateOverride(d);
      for (const [key, field] of Object.entries(fields)) field.setError(errors[key as keyof OverrideDraft] ?? null);
      const firstInvalid = (Object.keys(fields) as Array<keyof typeof fields>).find((k) => errors[k]);
      if (firstInvalid) {
        replace(summary, h('p', { class: 'alert error' }, icon('info'), h('span', {}, tx.fixErrors)));
        fields[firstInvalid].focus();
        return;
      }
      const request: OverrideRequest = {
        insz: this.insz,
        scheme: d.scheme,
        outcome: d.outcome as OverrideOutcome,
        reasonCode: d.reasonCode as ReasonCode,
        validUntil: d.validUntil,
      };
      if (d.tier) request.tier = d.tier;
      if (d.note.trim()) request.note = d.note.trim();
      if (d.validFrom) request.validFrom = d.validFrom;
      busy = true;
      save.setAttribute('aria-disabled', 'true');
      saved.textContent = tx.saving;
      try {
        await api.createOverride(request);
        saved.textContent = tx.savedOverride;
        reasonSelect.value = '';
        note.value = '';
        counter.textContent = tx.noteCount(0, MAX_NOTE_LENGTH);
        validUntil.value = '';
        this.message = null;
        await this.load();
      } catch (error) {
        saved.textContent = '';
        for (const [key, field] of Object.entries(fields)) {
          const problem = fieldProblem(error, key);
          if (problem) field.setProblem(problem);
        }
        replace(summary, errorAlert(tell(error)));
      } finally {
        busy = false;
        save.removeAttribute('aria-disabled');
      }
    });
    replace(
      this.formSection,
      h('h2', { id: 'override-form-heading' }, tx.overrideFormHeading),
      h('p', { class: 'intro' }, tx.overrideFormIntro),
      form,
    );
  }
}

function outcomeIcon(outcome: string): string {
  switch (outcome) {
    case 'ENTITLED':
      return 'yes';
    case 'NOT_ENTITLED':
      return 'no';
    case 'UNKNOWN':
      return 'wait';
    default:
      return 'review';
  }
}
