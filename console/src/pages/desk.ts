import type { CheckResponse } from '../api/types';
import { append, h, icon, replace } from '../dom';
import { errorAlert, fieldProblem, tell, type Told } from '../errors';
import { Field, InszField, select } from '../fields';
import { formatTimeFromNow, formatValidUntil } from '../format';
import { label, lang, t } from '../i18n';
import { allSchemes, api, PREFERRED_FIRST, schemeName, schemeTitle, tierName } from '../store';
import type { Page } from './page';

/** How long a desk screen may show a resident's answer without input: it faces the public. */
export const IDLE_CLEAR_MS = 2 * 60 * 1000;

/** What counts as somebody at the screen: typing, clicking, choosing. */
const ACTIVITY_EVENTS = ['input', 'keydown', 'pointerdown', 'change'] as const;

interface Result {
  response: CheckResponse;
  retryAfterSeconds: number | null;
  receivedAt: number;
}

/** The desk check: one national number, one scheme, one unmistakable answer. */
export class DeskPage implements Page {
  private result: Result | null = null;
  private error: Told | null = null;
  private pending = false;
  private typed = '';
  private scheme = '';
  private idleTimer: number | undefined;
  /** When somebody last typed or clicked on this screen (ms): timers sleep with the tab, the clock does not. */
  private lastActivity = Date.now();
  private mounted = false;

  private insz!: InszField;
  private schemeField!: Field<HTMLSelectElement>;
  private status!: HTMLDivElement;
  private alert!: HTMLDivElement;
  private checkButton!: HTMLButtonElement;
  private readonly onActivity = () => {
    this.lastActivity = Date.now();
    this.armIdleTimer();
  };
  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible') this.clearIfIdle();
  };

  title(): string {
    return t().deskTitle;
  }

  mount(main: HTMLElement): void {
    const tx = t();
    // back after two minutes or more (another page, a sleeping laptop): nothing of the last resident may show
    if (this.idle()) this.forget();
    this.insz = new InszField('desk-insz');
    this.insz.control.value = this.typed;
    const schemeSelect = select(allSchemes().map((s) => [s.id, schemeTitle(s.id)]), { id: 'desk-scheme', name: 'scheme' });
    schemeSelect.value = this.scheme || this.defaultScheme();
    this.schemeField = new Field(tx.schemeLabel, schemeSelect);
    this.checkButton = h('button', { type: 'submit', class: 'primary' }, tx.check);
    this.status = h('div', { role: 'status', class: 'result', 'aria-atomic': 'true', id: 'desk-result' });
    this.alert = h('div', { role: 'alert', class: 'alert-slot' });

    const form = h(
      'form',
      { class: 'panel desk-form', novalidate: true, 'aria-labelledby': 'page-title', onsubmit: (e: Event) => this.submit(e) },
      this.insz.element,
      this.schemeField.element,
      h('div', { class: 'actions' }, this.checkButton),
      this.alert,
    );
    const next = h('button', { type: 'button', class: 'secondary next', onclick: () => this.next() }, tx.nextResident);
    append(
      main,
      h('h1', { id: 'page-title', tabindex: -1 }, tx.deskTitle),
      h('p', { class: 'intro' }, tx.deskIntro),
      h('div', { class: 'desk-layout' }, form, h('section', { class: 'desk-answer', 'aria-label': tx.answerLabel }, this.status, h('div', { class: 'actions' }, next))),
      h('p', { class: 'small muted' }, tx.deskIdleNote),
    );
    this.insz.control.addEventListener('input', () => {
      this.typed = this.insz.control.value;
    });
    schemeSelect.addEventListener('change', () => {
      this.scheme = schemeSelect.value;
    });
    this.renderStatus();
    for (const type of ACTIVITY_EVENTS) document.addEventListener(type, this.onActivity, true);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.lastActivity = Date.now();
    this.mounted = true;
    this.armIdleTimer();
  }

  unmount(): void {
    this.mounted = false;
    this.typed = this.insz?.control.value ?? this.typed;
    for (const type of ACTIVITY_EVENTS) document.removeEventListener(type, this.onActivity, true);
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.clearTimeout(this.idleTimer);
  }

  initialFocus(): HTMLElement {
    return this.insz.control;
  }

  destroy(): void {
    this.unmount();
    this.forget();
  }

  /** Forgets the resident: answer, number, scheme and error. */
  private forget(): void {
    this.result = null;
    this.typed = '';
    this.scheme = '';
    this.error = null;
  }

  private idle(now = Date.now()): boolean {
    return now - this.lastActivity >= IDLE_CLEAR_MS;
  }

  private clearIfIdle(): void {
    if (this.idle()) this.next(false);
    else this.armIdleTimer();
  }

  private defaultScheme(): string {
    const list = allSchemes();
    return list.find((s) => s.id === PREFERRED_FIRST)?.id ?? list[0]?.id ?? '';
  }

  /** A timer for the rest of the two minutes since the last activity; it checks the clock when it fires. */
  private armIdleTimer(): void {
    window.clearTimeout(this.idleTimer);
    if (!this.mounted) return;
    const left = Math.max(0, IDLE_CLEAR_MS - (Date.now() - this.lastActivity));
    this.idleTimer = window.setTimeout(() => this.clearIfIdle(), left + 50);
  }

  /** Back to a blank screen for the next person: field, answer and scheme. */
  next(focus = true): void {
    this.result = null;
    this.error = null;
    this.typed = '';
    this.scheme = '';
    this.insz.value = '';
    this.schemeField.control.value = this.defaultScheme();
    this.schemeField.setError(null);
    this.renderStatus();
    if (focus) this.insz.focus();
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.pending) return;
    const digits = this.insz.validDigits();
    const scheme = this.schemeField.control.value;
    if (!digits) {
      this.insz.focus();
      return;
    }
    this.pending = true;
    this.result = null;
    this.error = null;
    this.checkButton.setAttribute('aria-disabled', 'true');
    this.renderStatus();
    try {
      const { body, retryAfterSeconds } = await api.check({ insz: digits, scheme });
      // the screen may have been cleared while the answer was on its way
      if (this.insz.digits !== digits) return;
      this.result = { response: body, retryAfterSeconds: body.retryAfterSeconds ?? retryAfterSeconds, receivedAt: Date.now() };
      // the two minutes count from when the answer shows
      this.lastActivity = Date.now();
      this.armIdleTimer();
    } catch (error) {
      this.error = tell(error);
      const inszProblem = fieldProblem(error, 'insz');
      if (inszProblem) {
        this.insz.setProblem(inszProblem);
        this.error = null;
      }
      const schemeProblem = fieldProblem(error, 'scheme');
      if (schemeProblem) this.schemeField.setProblem(schemeProblem);
    } finally {
      this.pending = false;
      this.checkButton.removeAttribute('aria-disabled');
      this.renderStatus();
    }
  }

  private renderStatus(): void {
    const tx = t();
    replace(this.alert, this.error ? errorAlert(this.error) : null);
    this.status.className = 'result';
    if (this.pending) {
      this.status.classList.add('pending');
      replace(this.status, h('p', {}, tx.checking));
      return;
    }
    if (!this.result) {
      this.status.classList.add('empty');
      replace(this.status);
      return;
    }
    const r = this.result.response;
    const name = schemeName(r.scheme);
    const en = lang() === 'en';
    const explanation = en ? r.explanationEn || r.explanation : r.explanation;
    const lines: Array<Node | null> = [];
    let heading: string;
    let iconName: string;
    switch (r.outcome) {
      case 'ENTITLED': {
        heading = tx.entitledHeading(name);
        iconName = 'yes';
        const tier = tierName(r.scheme, r.tier);
        if (tier) lines.push(h('p', { class: 'tier' }, tx.tierLine(tier)));
        if (r.benefit) lines.push(h('p', { class: 'benefit' }, en ? r.benefit.descriptionEn || r.benefit.description : r.benefit.description));
        const until = r.validUntil ?? r.period?.until;
        if (until) lines.push(h('p', { class: 'valid-until' }, tx.validUntil(formatValidUntil(until, lang()))));
        if (r.basis === 'OVERRIDE') lines.push(h('p', { class: 'small' }, tx.basisOverride));
        break;
      }
      case 'NOT_ENTITLED': {
        heading = tx.notEntitledHeading(name);
        iconName = 'no';
        // how long this no holds: "Geen recht … geldig tot 31 december 2026 (2026-12-31)"
        if (r.validUntil) lines.push(h('p', { class: 'valid-until' }, tx.validUntil(formatValidUntil(r.validUntil, lang()))));
        if (explanation) lines.push(h('p', {}, explanation));
        lines.push(h('p', { class: 'help' }, tx.notEntitledHelp));
        if (r.basis === 'OVERRIDE') lines.push(h('p', { class: 'small' }, tx.basisOverride));
        break;
      }
      case 'UNKNOWN': {
        heading = tx.unknownHeading;
        iconName = 'wait';
        lines.push(h('p', { class: 'strong' }, tx.unknownNotANo));
        const seconds = this.result.retryAfterSeconds;
        if (seconds && seconds > 0) {
          const wait = seconds < 120 ? tx.seconds(seconds) : tx.minutes(Math.ceil(seconds / 60));
          lines.push(h('p', {}, tx.unknownRetry(wait, formatTimeFromNow(seconds, lang(), this.result.receivedAt))));
        } else {
          lines.push(h('p', {}, tx.unknownRetryLater));
        }
        if (r.unknownReason) lines.push(h('p', { class: 'small' }, tx.unknownReason(label(tx.unknownReasons, r.unknownReason))));
        break;
      }
      case 'REVIEW':
      default:
        heading = tx.reviewHeading;
        iconName = 'review';
        lines.push(h('p', {}, tx.reviewHelp));
        if (r.reviewReason) lines.push(h('p', { class: 'small' }, `${label(tx.reviewReasons, r.reviewReason)} (${r.reviewReason})`));
        if (r.reviewCaseId) lines.push(h('p', { class: 'small' }, tx.reviewCase(r.reviewCaseId)));
        break;
    }
    if (r.outcome === 'ENTITLED' && explanation) lines.push(h('p', { class: 'small explanation' }, explanation));
    if (r.provisional) lines.push(h('p', { class: 'note provisional' }, icon('info'), h('span', {}, tx.provisional)));
    this.status.classList.add('outcome-' + r.outcome.toLowerCase().replace('_', '-'));
    replace(this.status, h('h2', { class: 'result-heading' }, icon(iconName), h('span', {}, heading)), ...lines);
  }
}
