import { append, h, replace, uid } from './dom';
import { detailNode, type Told } from './errors';
import { t } from './i18n';
import { formatInsz, inszDigits, inszState } from './insz';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A labelled control with an optional hint and an inline error, wired with for/aria-describedby/aria-invalid. */
export class Field<C extends Control = Control> {
  readonly element: HTMLDivElement;
  readonly error: HTMLParagraphElement;
  readonly hint: HTMLParagraphElement | null;

  constructor(readonly labelText: string, readonly control: C, hint?: string, extra?: HTMLElement) {
    if (!control.id) control.id = uid('field');
    const errorId = control.id + '-error';
    this.error = h('p', { id: errorId, class: 'field-error', 'aria-live': 'polite' });
    this.hint = hint ? h('p', { id: control.id + '-hint', class: 'hint' }, hint) : null;
    control.setAttribute('aria-describedby', [this.hint?.id, errorId].filter(Boolean).join(' '));
    this.element = h('div', { class: 'field' }, h('label', { for: control.id }, labelText), this.hint, control, extra ?? null, this.error);
  }

  /** Shows a message under the control (or clears it); `detail`, the API's own words, as secondary text. */
  setError(message: string | null | undefined, detail?: string | null): void {
    replace(this.error);
    if (message) append(this.error, message, detail && detail !== message ? ' ' : null, detail && detail !== message ? detailNode(detail) : null);
    if (message) this.control.setAttribute('aria-invalid', 'true');
    else this.control.removeAttribute('aria-invalid');
    this.element.classList.toggle('has-error', !!message);
  }

  /** A refusal from the API, as `tell`/`fieldProblem` word it. */
  setProblem(told: Told | null): void {
    this.setError(told?.text ?? null, told?.detail ?? null);
  }

  get hasError(): boolean {
    return !!this.error.textContent;
  }

  focus(): void {
    this.control.focus();
  }
}

export function select(options: Array<[value: string, text: string]>, attrs: Record<string, string | boolean> = {}): HTMLSelectElement {
  const el = h('select', attrs);
  for (const [value, text] of options) el.appendChild(h('option', { value }, text));
  return el;
}

/**
 * The national number field: takes what people type (dots, dashes, spaces), keeps the digits, shows the usual
 * written form, and says at once when 11 digits fail the check. The number never leaves memory except in a POST body.
 */
export class InszField extends Field<HTMLInputElement> {
  constructor(id: string) {
    const input = h('input', {
      id,
      name: 'national-number',
      type: 'text',
      inputmode: 'numeric',
      autocomplete: 'off',
      autocorrect: 'off',
      autocapitalize: 'off',
      spellcheck: 'false',
      // room for what people paste ("INSZ: 85.07.30-033.28"); only the digits are kept
      maxlength: 40,
      class: 'insz',
    });
    super(t().inszLabel, input, t().inszHint);
    input.addEventListener('input', () => this.onInput());
    input.addEventListener('blur', () => {
      if (input.value) input.value = formatInsz(input.value);
    });
  }

  private onInput(): void {
    const input = this.control;
    const atEnd = input.selectionStart === input.value.length;
    // typed at the end, or pasted with words around it: keep the digits only, in the usual written form
    if (atEnd || /[^\d\s.\-/]/.test(input.value)) input.value = formatInsz(input.value);
    const state = inszState(input.value);
    this.setError(state.kind === 'invalid' ? t().inszInvalid : null);
  }

  /** The 11 digits when valid; else shows why and returns null. */
  validDigits(): string | null {
    const state = inszState(this.control.value);
    switch (state.kind) {
      case 'empty':
        this.setError(t().inszRequired);
        return null;
      case 'incomplete':
        this.setError(t().inszIncomplete(state.digits.length));
        return null;
      case 'invalid':
        this.setError(t().inszInvalid);
        return null;
      case 'valid':
        this.setError(null);
        return state.digits;
    }
  }

  get digits(): string {
    return inszDigits(this.control.value);
  }

  set value(v: string) {
    this.control.value = v ? formatInsz(v) : '';
    this.setError(null);
  }
}
