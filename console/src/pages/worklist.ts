import type { ReviewCase } from '../api/types';
import { append, facts, h, icon, replace, uid } from '../dom';
import { errorAlert, tell, type Told } from '../errors';
import { Field, select } from '../fields';
import { formatInstant, formatPeriod } from '../format';
import { label, lang, t } from '../i18n';
import { allSchemes, api, handOverToFile, schemeTitle } from '../store';
import type { Page } from './page';

export const PAGE_SIZE = 20;

/** The facts of a review case, as the worklist and the resident file show them. */
export function reviewCaseFacts(c: ReviewCase, withState = false): HTMLDListElement {
  const tx = t();
  const l = lang();
  return facts([
    [tx.stateLabel, withState ? label(tx.caseStates, c.state) + (c.resolvedBy ? ` (${c.resolvedBy}, ${formatInstant(c.resolvedAt, l)})` : '') : null],
    [tx.reasonLabel, `${label(tx.reviewReasons, c.reason)} (${c.reason})`],
    [tx.platformCodesLabel, c.platformCodes?.length ? c.platformCodes.join(', ') : tx.none],
    [
      tx.sourcesLabel,
      c.sources?.length
        ? h('ul', { class: 'sources' }, ...c.sources.map((s) => h('li', {}, tx.sourceAt(label(tx.sourceTypes, s.type), s.ref ?? '', formatInstant(s.at, l)))))
        : tx.none,
    ],
    [tx.openedAtLabel, formatInstant(c.openedAt, l)],
    [tx.caseIdLabel, c.caseId],
  ]);
}

/** Open review cases, oldest first: pseudonymous; the caseworker finds the resident elsewhere. */
export class WorklistPage implements Page {
  private cases: ReviewCase[] = [];
  private cursor: string | null = null;
  private scheme = '';
  private loaded = false;
  private loading = false;
  private error: Told | null = null;

  private list!: HTMLElement;
  private statusEl!: HTMLParagraphElement;
  private moreButton!: HTMLButtonElement;
  private alert!: HTMLDivElement;

  title(): string {
    return t().worklistTitle;
  }

  mount(main: HTMLElement): void {
    const tx = t();
    const schemeSelect = select([['', tx.allSchemes], ...allSchemes().map((s): [string, string] => [s.id, schemeTitle(s.id)])], {
      id: 'worklist-scheme',
      name: 'worklist-scheme',
    });
    schemeSelect.value = this.scheme;
    const filter = h(
      'form',
      {
        class: 'panel filter',
        novalidate: true,
        'aria-label': tx.showCases,
        onsubmit: (e: Event) => {
          e.preventDefault();
          this.scheme = schemeSelect.value;
          void this.load(false);
        },
      },
      h('div', { class: 'row' }, new Field(tx.schemeLabel, schemeSelect).element, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, tx.showCases))),
    );
    this.list = h('ol', { class: 'cards worklist', 'aria-labelledby': 'page-title' });
    this.statusEl = h('p', { role: 'status', class: 'list-status' });
    this.alert = h('div', { role: 'alert', class: 'alert-slot' });
    this.moreButton = h('button', { type: 'button', class: 'secondary', onclick: () => void this.load(true) }, tx.moreCases);
    append(
      main,
      h('h1', { id: 'page-title', tabindex: -1 }, tx.worklistTitle),
      h(
        'div',
        { class: 'intro panel note-panel' },
        icon('info'),
        h('div', {}, h('p', {}, tx.worklistIntro), h('p', {}, h('a', { href: '#/dossier', onclick: () => handOverToFile('REVIEW_CASE') }, tx.openFilePage))),
      ),
      filter,
      this.alert,
      this.statusEl,
      this.list,
      h('div', { class: 'actions' }, this.moreButton),
    );
    this.render();
    if (!this.loaded) void this.load(false);
  }

  unmount(): void {}

  destroy(): void {
    this.cases = [];
    this.cursor = null;
    this.loaded = false;
    this.scheme = '';
  }

  private async load(more: boolean): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    this.error = null;
    this.statusEl.textContent = t().loading;
    const firstNew = more ? this.cases.length : 0;
    try {
      const page = await api.reviews({
        // the worklist is consulted to handle review cases: logged as such
        purpose: 'REVIEW_CASE',
        state: 'OPEN',
        order: 'OLDEST',
        limit: PAGE_SIZE,
        ...(this.scheme ? { scheme: this.scheme } : {}),
        ...(more && this.cursor ? { cursor: this.cursor } : {}),
      });
      this.cases = more ? [...this.cases, ...page.cases] : page.cases;
      this.cursor = page.cursor ?? null;
      this.loaded = true;
    } catch (error) {
      this.error = tell(error);
    } finally {
      this.loading = false;
      this.render();
    }
    if (more && this.cases.length > firstNew) this.list.querySelectorAll<HTMLElement>('h2')[firstNew]?.focus();
  }

  private render(): void {
    const tx = t();
    replace(this.alert, this.error ? errorAlert(this.error) : null);
    replace(
      this.list,
      ...this.cases.map((c) => {
        const headingId = uid('case');
        return h(
          'li',
          {},
          h(
            'article',
            { class: 'card review', 'aria-labelledby': headingId },
            h('h2', { id: headingId, tabindex: -1 }, tx.caseHeading(schemeTitle(c.scheme), formatPeriod(c.period, lang()))),
            reviewCaseFacts(c),
            h('p', {}, h('a', { href: '#/dossier', 'aria-describedby': headingId, onclick: () => handOverToFile('REVIEW_CASE', c.scheme) }, tx.openFilePage)),
          ),
        );
      }),
    );
    if (this.loading) this.statusEl.textContent = tx.loading;
    else if (!this.loaded) this.statusEl.textContent = '';
    else if (this.cases.length === 0) this.statusEl.textContent = tx.noCases;
    else this.statusEl.textContent = tx.casesShown(this.cases.length) + (this.cursor ? ' ' + tx.casesMore : '');
    this.moreButton.hidden = !this.cursor;
  }
}
