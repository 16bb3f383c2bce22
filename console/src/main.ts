import './styles.css';
import { ApiError } from './api/client';
import {
  clearStaleOidcState, completeOidcIfReturning, currentSession, EXPIRY_WARNING_MS, hasScope, loadConfig, msUntilExpiry, SCOPE_CHECK,
  SCOPE_OVERRIDE, signInDevelopment, signInOidc, signOut, type ConsoleConfig,
} from './auth';
import { append, h, icon, replace } from './dom';
import { messageOf } from './errors';
import { lang, setLang, t, type Lang } from './i18n';
import { DeskPage } from './pages/desk';
import { FilePage } from './pages/file';
import type { Page } from './pages/page';
import { WorklistPage } from './pages/worklist';
import { api, setSchemes } from './store';

interface Route {
  hash: string;
  scope: string;
  nav: () => string;
  create: () => Page;
}

const routes: Route[] = [
  { hash: '#/balie', scope: SCOPE_CHECK, nav: () => t().navDesk, create: () => new DeskPage() },
  { hash: '#/dossier', scope: SCOPE_OVERRIDE, nav: () => t().navFile, create: () => new FilePage() },
  { hash: '#/werklijst', scope: SCOPE_OVERRIDE, nav: () => t().navWorklist, create: () => new WorklistPage() },
];

const LANG_KEY = 'proactief.console.lang';

let config: ConsoleConfig | null = null;
let pages = new Map<string, Page>();
let current: { route: Route; page: Page } | null = null;
let notice: string | null = null;

const header = h('header', { class: 'site-header' });
const main = h('main', { id: 'main', tabindex: -1 });
/** The warning that the sign-in is about to expire: a live region that stays in the page, filled when needed. */
const sessionWarning = h('div', { class: 'session-warning', role: 'alert' });
let expiryWatch: number | undefined;
let expiryWarned = false;

function allowedRoutes(): Route[] {
  return routes.filter((r) => hasScope(r.scope));
}

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

function switchLanguage(): void {
  const next: Lang = lang() === 'nl' ? 'en' : 'nl';
  setLang(next);
  try {
    localStorage.setItem(LANG_KEY, next);
  } catch {
    /* storage may be off: the choice then lasts for this page */
  }
  // rebuild the page from its state; keep what was typed in named fields
  const snapshot = snapshotControls();
  renderHeader();
  if (current) {
    current.page.unmount();
    replace(main);
    current.page.mount(main);
    restoreControls(snapshot);
    document.title = `${current.page.title()} · ${t().appName}`;
  } else {
    renderSignIn();
  }
  document.getElementById('lang-switch')?.focus();
}

function snapshotControls(): Map<string, string> {
  const values = new Map<string, string>();
  main.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input[name], select[name], textarea[name]').forEach((c) => {
    values.set(c.name, c.value);
  });
  return values;
}

function restoreControls(values: Map<string, string>): void {
  main.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input[name], select[name], textarea[name]').forEach((c) => {
    const value = values.get(c.name);
    if (value === undefined || c.value === value) return;
    c.value = value;
    c.dispatchEvent(new Event(c instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

function renderHeader(): void {
  const tx = t();
  const session = currentSession();
  const skip = h('a', { class: 'skip-link', href: '#/' }, tx.skipLink);
  skip.addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  const langButton = h(
    'button',
    { type: 'button', id: 'lang-switch', class: 'link-button', lang: tx.switchLanguageLang, onclick: switchLanguage },
    tx.switchLanguage,
  );
  const tools = h('div', { class: 'tools' }, langButton);
  let nav: HTMLElement | null = null;
  if (session) {
    const allowed = allowedRoutes();
    nav = h(
      'nav',
      { 'aria-label': tx.navLabel, class: 'site-nav' },
      h(
        'ul',
        {},
        ...allowed.map((r) => h('li', {}, h('a', { href: r.hash, 'aria-current': current?.route === r ? 'page' : null }, r.nav()))),
      ),
    );
    append(
      tools,
      h('span', { class: 'who small' }, tx.signedInAs(session.sub)),
      h('button', { type: 'button', class: 'link-button', onclick: () => void doSignOut(undefined, true) }, tx.signOut),
    );
  }
  replace(
    header,
    skip,
    h('div', { class: 'brand' }, h('span', { class: 'brand-name' }, tx.appName), h('span', { class: 'brand-sub' }, tx.appSubtitle)),
    nav,
    tools,
    sessionWarning,
  );
  if (expiryWarned) renderExpiryWarning();
}

/** Watches the token's expiry: a warning some minutes before, then back to the sign-in page rather than failing silently. */
function watchExpiry(): void {
  stopExpiryWatch();
  expiryWatch = window.setInterval(checkExpiry, 15_000);
  checkExpiry();
}

function stopExpiryWatch(): void {
  window.clearInterval(expiryWatch);
  expiryWatch = undefined;
  expiryWarned = false;
  replace(sessionWarning);
}

function checkExpiry(): void {
  if (!currentSession()) return;
  const left = msUntilExpiry();
  if (left === null) return;
  if (left <= 0) {
    void doSignOut(t().sessionExpired);
    return;
  }
  if (left <= EXPIRY_WARNING_MS && !expiryWarned) {
    expiryWarned = true;
    renderExpiryWarning();
  }
}

function renderExpiryWarning(): void {
  const tx = t();
  const left = msUntilExpiry();
  if (left === null) return;
  const at = new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'nl-BE', { hour: '2-digit', minute: '2-digit' }).format(new Date(Date.now() + left));
  replace(
    sessionWarning,
    h(
      'div',
      { class: 'alert warning' },
      icon('wait'),
      h('p', {}, tx.sessionExpiring(at, Math.max(1, Math.ceil(left / 60_000)))),
      h('button', { type: 'button', class: 'secondary', onclick: () => void signInAgain() }, tx.signInAgain),
    ),
  );
}

async function signInAgain(): Promise<void> {
  const cfg = config;
  if (cfg?.signIn === 'oidc') {
    for (const page of pages.values()) page.destroy();
    await signOut();
    try {
      await signInOidc(cfg); // leaves for the identity provider
    } catch {
      await doSignOut(t().signInFailed);
    }
    return;
  }
  await doSignOut(t().signInAgainNote);
}

function renderSignIn(): void {
  const tx = t();
  document.title = `${tx.signInTitle} · ${tx.appName}`;
  current = null;
  const content: Array<Node | null> = [h('h1', { id: 'page-title', tabindex: -1 }, tx.signInTitle), h('p', { class: 'intro' }, tx.signInIntro)];
  if (notice) content.push(h('p', { class: 'alert info', role: 'status' }, icon('info'), h('span', {}, notice)));
  const error = h('div', { role: 'alert', class: 'alert-slot' });
  if (!config) {
    content.push(h('p', { class: 'alert error' }, icon('info'), h('span', {}, tx.configFailed)));
  } else if (config.signIn === 'development') {
    const signIn = async (role: 'desk' | 'caseworker') => {
      replace(error);
      try {
        await signInDevelopment(role);
        await afterSignIn();
      } catch {
        replace(error, h('p', { class: 'alert error' }, icon('info'), h('span', {}, tx.signInFailed)));
      }
    };
    content.push(
      h('p', { class: 'muted' }, tx.signInDevelopmentNote),
      h(
        'div',
        { class: 'actions sign-in' },
        h('button', { type: 'button', class: 'primary', onclick: () => void signIn('desk') }, tx.signInDesk),
        h('button', { type: 'button', class: 'primary', onclick: () => void signIn('caseworker') }, tx.signInCaseworker),
      ),
    );
  } else {
    const cfg = config;
    content.push(
      h(
        'div',
        { class: 'actions sign-in' },
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            onclick: () => {
              signInOidc(cfg).catch(() => replace(error, h('p', { class: 'alert error' }, icon('info'), h('span', {}, tx.signInFailed))));
            },
          },
          tx.signInOidc,
        ),
      ),
    );
  }
  content.push(error);
  renderHeader();
  replace(main, h('div', { class: 'panel sign-in-panel' }, ...content));
}

async function afterSignIn(): Promise<void> {
  notice = null;
  watchExpiry();
  if (allowedRoutes().length === 0) {
    await signOut();
    notice = t().noAccess;
    renderSignIn();
    return;
  }
  try {
    const catalog = await api.schemes();
    setSchemes(catalog.schemes ?? []);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    setSchemes([]);
    notice = `${t().errorSchemes} ${messageOf(error)}`;
  }
  pages = new Map();
  const target = routes.find((r) => r.hash === location.hash && hasScope(r.scope)) ?? allowedRoutes()[0];
  if (location.hash !== target.hash) location.hash = target.hash; // hashchange renders
  else route(true);
}

function route(initial = false): void {
  if (!currentSession()) {
    renderSignIn();
    return;
  }
  const allowed = allowedRoutes();
  const target = allowed.find((r) => r.hash === location.hash);
  if (!target) {
    location.replace(allowed[0].hash);
    return;
  }
  if (current?.route === target && !initial) return;
  current?.page.unmount();
  let page = pages.get(target.hash);
  if (!page) {
    page = target.create();
    pages.set(target.hash, page);
  }
  current = { route: target, page };
  renderHeader();
  replace(main);
  if (notice) {
    main.appendChild(h('p', { class: 'alert error', role: 'alert' }, icon('info'), h('span', {}, notice)));
    notice = null;
  }
  page.mount(main);
  document.title = `${page.title()} · ${t().appName}`;
  const focusTarget = page.initialFocus?.() ?? document.getElementById('page-title');
  focusTarget?.focus();
}

/** Signs out; `endSession` (the sign-out button) also ends the identity provider's session where it can. */
async function doSignOut(message?: string, endSession = false): Promise<void> {
  for (const page of pages.values()) page.destroy();
  pages = new Map();
  current?.page.unmount();
  current = null;
  stopExpiryWatch();
  const leaving = await signOut({ endSession });
  notice = leaving ? t().signingOut : (message ?? t().signedOut);
  renderSignIn();
  document.getElementById('page-title')?.focus();
}

async function start(): Promise<void> {
  setLang(storedLang());
  document.body.append(header, main);
  renderHeader();
  replace(main, h('p', { class: 'muted' }, t().loading));
  api.onUnauthorized = () => void doSignOut(t().sessionExpired);
  try {
    config = await loadConfig();
  } catch {
    config = null;
  }
  if (config) {
    let returned: Awaited<ReturnType<typeof completeOidcIfReturning>> = null;
    try {
      returned = await completeOidcIfReturning(config);
    } catch {
      notice = t().signInFailed;
    }
    // after the return was handled, so a slow sign-in's own state is not swept away with the stale ones
    clearStaleOidcState(config).catch(() => undefined);
    if (returned?.kind === 'signed-in') {
      await afterSignIn();
      return;
    }
    if (returned?.kind === 'signed-out') notice = t().signedOut;
  }
  renderSignIn();
}

window.addEventListener('hashchange', () => route());
// timers sleep with the tab or the laptop: look again when the page shows
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') checkExpiry();
});
void start();
