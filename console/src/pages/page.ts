/** A page of the console: builds its DOM from its own state, so it can be rebuilt (language switch). */
export interface Page {
  /** The page's title, for the <h1> and document.title. */
  title(): string;
  /** Builds the page into main. */
  mount(main: HTMLElement): void;
  /** Called before the page's DOM is thrown away. */
  unmount(): void;
  /** Where the keyboard should land when the page opens, if not on its heading. */
  initialFocus?(): HTMLElement | null;
  /** Forgets everything (sign-out): no national number stays in memory. */
  destroy(): void;
}
