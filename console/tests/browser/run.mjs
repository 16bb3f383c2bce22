// Browser tests of the console against a running stack (./proactief serve, or the gateway serving console/dist).
// Plain ESM + playwright-core + Debian's Chromium; no test runner, no downloaded browser.
//
//   CONSOLE_URL=http://localhost:8765/console/ SAMPLE_INSZ_ENTITLED=… SAMPLE_INSZ_NOT_ENTITLED=… SAMPLE_INSZ_UNKNOWN=… \
//     node tests/browser/run.mjs
//
// Optional: SAMPLE_INSZ_REVIEW (a REVIEW outcome, also seeds the worklist), CHROMIUM, SCREENSHOTS, ONLY (a scenario name part;
// the run fails when it selects none).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const env = process.env;

const CONSOLE_URL = env.CONSOLE_URL || 'http://localhost:8765/console/';
const ORIGIN = new URL(CONSOLE_URL).origin;
const SCREENSHOTS = resolve(env.SCREENSHOTS || join(here, '..', '..', 'screenshots'));
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// `./proactief serve` prints the personas by status; accept those names as well
const INSZ = {
  entitled: env.SAMPLE_INSZ_ENTITLED || env.SAMPLE_INSZ_LEEFLOON,
  notEntitled: env.SAMPLE_INSZ_NOT_ENTITLED || env.SAMPLE_INSZ_NO_STATUS,
  unknown: env.SAMPLE_INSZ_UNKNOWN,
  review: env.SAMPLE_INSZ_REVIEW,
};
for (const key of ['entitled', 'notEntitled', 'unknown']) {
  if (!INSZ[key]) {
    console.error(`missing SAMPLE_INSZ_${key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase()}`);
    process.exit(2);
  }
}
const OUTCOME = /^(Recht op|Geen recht|Nog niet bekend|Wordt nagekeken)/;
const TIMEOUT = 20_000;

mkdirSync(SCREENSHOTS, { recursive: true });

const browser = await chromium.launch({
  executablePath: env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

let failures = 0;
let ran = 0;
/** Every sample national number: none may show where the console promises none (the worklist). */
const ALL_INSZ = Object.values(INSZ).filter(Boolean);

// ---------------------------------------------------------------------------------------------------------------
// helpers

/** The written forms of a national number that must never leak: digits, 85.07.30-033.28, and spaced/dashed. */
function forms(insz) {
  const d = insz;
  return [d, `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9)}`, `${d.slice(0, 6)}-${d.slice(6, 9)}-${d.slice(9)}`,
    `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6, 9)} ${d.slice(9)}`];
}

function leaks(text, inszList) {
  const haystacks = [String(text)];
  try {
    haystacks.push(decodeURIComponent(String(text)));
  } catch {
    /* not URI-encoded */
  }
  return inszList.some((insz) => forms(insz).some((f) => haystacks.some((h) => h.includes(f) || h.includes(encodeURIComponent(f)))));
}

class Flow {
  constructor(name) {
    this.name = name;
    this.urls = [];
    this.foreign = [];
    this.consoleLines = [];
    this.pageErrors = [];
    this.inszUsed = new Set();
  }

  async open(options = {}) {
    this.context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-BE', timezoneId: 'Europe/Brussels', ...options });
    this.context.setDefaultTimeout(TIMEOUT);
    await this.context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      // the paths the page fetched, counted the moment fetch is called (no waiting for network events); no bodies
      window.__fetched = [];
      const fetch = window.fetch.bind(window);
      window.fetch = (input, init) => {
        window.__fetched.push(new URL(typeof input === 'string' ? input : input.url, location.href).pathname);
        return fetch(input, init);
      };
    });
    this.page = await this.context.newPage();
    this.watch(this.page);
    return this.page;
  }

  watch(page) {
    page.on('request', (request) => {
      this.urls.push(request.url());
      const url = new URL(request.url());
      if (url.origin !== ORIGIN && !['data:', 'blob:', 'about:'].includes(url.protocol)) this.foreign.push(request.url());
    });
    page.on('framenavigated', (frame) => this.urls.push(frame.url()));
    page.on('console', (message) => this.consoleLines.push(message.text()));
    page.on('pageerror', (error) => this.pageErrors.push(String(error)));
  }

  use(insz) {
    this.inszUsed.add(insz);
    return insz;
  }

  /** After the flow: no national number in any URL, history entry, storage or cookie; nothing foreign; no CSP breach. */
  async verifyPrivacy() {
    const page = this.page;
    const list = [...this.inszUsed];
    const problems = [];
    const state = await page.evaluate(async () => {
      const dump = (s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`);
      const dbs = indexedDB.databases ? await indexedDB.databases() : [];
      const idb = [];
      for (const info of dbs) {
        idb.push(`db ${info.name}`);
        const db = await new Promise((ok, ko) => {
          const r = indexedDB.open(info.name);
          r.onsuccess = () => ok(r.result);
          r.onerror = () => ko(r.error);
        });
        for (const storeName of db.objectStoreNames) {
          const rows = await new Promise((ok) => {
            const r = db.transaction(storeName).objectStore(storeName).getAll();
            r.onsuccess = () => ok(r.result);
            r.onerror = () => ok([]);
          });
          idb.push(`${storeName}: ${JSON.stringify(rows)}`);
        }
        db.close();
      }
      const cacheKeys = typeof caches !== 'undefined' ? await caches.keys() : [];
      return {
        location: location.href,
        historyLength: history.length,
        historyState: JSON.stringify(history.state),
        localStorage: dump(localStorage),
        sessionStorage: dump(sessionStorage),
        indexedDB: idb,
        documentCookie: document.cookie,
        caches: cacheKeys,
        resources: performance.getEntriesByType('resource').map((e) => e.name).concat(performance.getEntriesByType('navigation').map((e) => e.name)),
        csp: window.__cspViolations || [],
      };
    });
    const cookies = await this.context.cookies();
    const urls = [...this.urls, page.url(), state.location, ...state.resources];
    for (const url of urls) if (leaks(url, list)) problems.push(`INSZ in URL ${url}`);
    if (leaks(state.historyState, list)) problems.push('INSZ in history.state');
    for (const [where, values] of Object.entries({ localStorage: state.localStorage, sessionStorage: state.sessionStorage, indexedDB: state.indexedDB, caches: state.caches })) {
      for (const v of values) if (leaks(v, list)) problems.push(`INSZ in ${where}: ${v.slice(0, 80)}`);
    }
    if (leaks(state.documentCookie, list) || leaks(JSON.stringify(cookies), list)) problems.push('INSZ in a cookie');
    for (const line of this.consoleLines) if (leaks(line, list)) problems.push(`INSZ in the browser console: ${line.slice(0, 80)}`);
    if (this.foreign.length) problems.push(`requests to other origins: ${[...new Set(this.foreign)].join(', ')}`);
    if (state.csp.length) problems.push(`CSP violations: ${state.csp.join('; ')}`);
    if (this.pageErrors.length) problems.push(`page errors: ${this.pageErrors.join('; ')}`);
    if (list.length === 0) problems.push('no national number was used: nothing proven');
    if (problems.length) throw new Error(problems.join(' | '));
    return `history.length=${state.historyLength}, ${urls.length} URLs checked`;
  }

  async close() {
    await this.context?.close();
  }
}

async function scenario(name, body, contextOptions) {
  if (env.ONLY && !name.includes(env.ONLY)) return;
  ran += 1;
  const flow = new Flow(name);
  try {
    await flow.open(contextOptions);
    await body(flow.page, flow);
    await flow.verifyPrivacy();
    console.log(`ok ${name}`);
  } catch (error) {
    failures += 1;
    const slug = name.replace(/[^a-z]+/gi, '-').slice(0, 40);
    let alerts = '';
    try {
      await flow.page.screenshot({ path: join(SCREENSHOTS, `failed-${slug}.png`), fullPage: true });
      alerts = (await flow.page.locator('[role=alert], .field-error').allInnerTexts()).filter(Boolean).join(' / ');
    } catch {
      /* the page may be gone */
    }
    console.log(`FAILED ${name}: ${String(error?.message ?? error).split('\n').slice(0, 6).join(' ')}${alerts ? ` [on screen: ${alerts}]` : ''}`);
  } finally {
    await flow.close();
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function signIn(page, role) {
  const label = role === 'desk' ? 'Aanmelden als baliemedewerker' : 'Aanmelden als dossierbeheerder';
  await page.goto(CONSOLE_URL);
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('button', { name: 'Afmelden', exact: true }).waitFor();
}

async function goTo(page, navName, heading) {
  await page.getByRole('navigation').getByRole('link', { name: navName, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

async function statusText(page) {
  return (await page.getByRole('status').filter({ hasText: OUTCOME }).first().innerText()).trim();
}

/** One desk check; returns the answer's text once it shows. */
async function deskCheck(page, insz, { typed } = {}) {
  const field = page.getByLabel('Rijksregisternummer', { exact: true });
  await field.fill('');
  if (typed) await field.pressSequentially(typed);
  else await field.fill(insz);
  await page.getByRole('button', { name: 'Controleer', exact: true }).click();
  const status = page.locator('#desk-result');
  await status.filter({ hasText: OUTCOME }).waitFor();
  const text = (await status.innerText()).trim();
  check(OUTCOME.test(text), `status does not begin with an outcome: ${text.slice(0, 60)}`);
  return text;
}

async function axe(page, what) {
  // evaluated through the DevTools protocol, which the page's CSP does not govern (a script tag would be refused)
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of result) console.log(`  axe ${what}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
  check(bad.length === 0, `axe on ${what}: ${bad.map((v) => `${v.impact} ${v.id}`).join(', ')}`);
}

async function screenshots(page, name) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-narrow.png`), fullPage: true });
  // no sideways scrolling on a phone
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.setViewportSize({ width: 1280, height: 800 });
  check(overflow <= 1, `${name}: the narrow layout scrolls sideways by ${overflow}px`);
}

/** Today in Brussels, the API's calendar: [year, month (1–12), day]. */
function todayInBrussels(now = new Date()) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  return [get('year'), get('month'), get('day')];
}

const isoOf = (d) => d.toISOString().slice(0, 10);

/**
 * A valid-until the API accepts (OverrideService.MAX_MONTHS_AHEAD = 12 months from today, as java.time adds them):
 * the earlier of 31 December next year and today + 12 months − 1 day. In UTC date arithmetic, with the day clamped to
 * the month's end, so 29 February gives 27 February next year, never 1 March.
 */
function nextYearEnd(now = new Date()) {
  const [y, m, d] = todayInBrussels(now);
  const lastDay = new Date(Date.UTC(y + 1, m, 0)).getUTCDate(); // month m of next year (day 0 of the month after)
  const inTwelveMonths = new Date(Date.UTC(y + 1, m - 1, Math.min(d, lastDay)));
  const limit = isoOf(new Date(inTwelveMonths.getTime() - 86_400_000));
  const endOfNextYear = `${y + 1}-12-31`;
  return endOfNextYear < limit ? endOfNextYear : limit;
}
// the date arithmetic is checked here, not only on the day the run happens to fall
for (const [at, expected] of [
  ['2028-02-29T12:00:00Z', '2029-02-27'],
  ['2026-12-02T12:00:00Z', '2027-12-01'],
  ['2026-01-31T12:00:00Z', '2027-01-30'],
  ['2026-12-31T12:00:00Z', '2027-12-30'],
]) {
  if (nextYearEnd(new Date(at)) !== expected) throw new Error(`nextYearEnd(${at}) = ${nextYearEnd(new Date(at))}, not ${expected}`);
}

/** A token of the local stack for a role, for set-up and clean-up through the API. */
async function developmentToken(flow, role) {
  const response = await flow.context.request.post(new URL('development-token', CONSOLE_URL).href, { data: { role } });
  check(response.ok(), `development-token: HTTP ${response.status()}`);
  return (await response.json()).accessToken;
}

/** Revokes the overrides a browser test recorded (note beginning "browsertest") and left active: a failed run must not poison the next. */
async function revokeLeftovers(flow, insz) {
  const headers = { Authorization: `Bearer ${await developmentToken(flow, 'caseworker')}` };
  const found = await flow.context.request.post(new URL('/v1/overrides/search', CONSOLE_URL).href, { headers, data: { insz, purpose: 'AUDIT' } });
  check(found.ok(), `overrides/search: HTTP ${found.status()}`);
  const leftovers = (await found.json()).filter((o) => !o.revoked && /^browsertest/i.test(o.note ?? ''));
  for (const o of leftovers) {
    const revoked = await flow.context.request.delete(new URL(`/v1/overrides/${encodeURIComponent(o.overrideId)}`, CONSOLE_URL).href, {
      headers,
      data: { reason: 'Opgeruimd door de browsertest.' },
    });
    check(revoked.ok() || revoked.status() === 409, `revoking leftover ${o.overrideId}: HTTP ${revoked.status()}`);
  }
  return leftovers.length;
}

/** How often the page called fetch for a path, counted when fetch is called. */
async function fetchCount(page, path) {
  return page.evaluate((p) => window.__fetched.filter((u) => u === p).length, path);
}

async function openFile(page, insz, purposeLabel = 'Vraag van de inwoner') {
  await page.getByLabel('Rijksregisternummer', { exact: true }).fill(insz);
  await page.getByLabel('Reden van raadpleging', { exact: true }).selectOption({ label: purposeLabel });
  await page.getByRole('button', { name: 'Zoek dossier', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: /^Dossier van / }).waitFor();
}

async function optionStartingWith(select, prefix) {
  const options = await select.locator('option').evaluateAll((els) => els.map((o) => ({ value: o.value, text: o.textContent.trim() })));
  const found = options.find((o) => o.text.startsWith(prefix));
  check(found, `no option beginning "${prefix}" in ${JSON.stringify(options)}`);
  return found.value;
}

// ---------------------------------------------------------------------------------------------------------------
// scenarios

await scenario('desk check: entitled, not entitled, unknown, next resident', async (page, flow) => {
  const started = performance.now();
  await page.goto(CONSOLE_URL);
  await page.getByRole('button', { name: 'Aanmelden als baliemedewerker', exact: true }).click();
  const field = page.getByLabel('Rijksregisternummer', { exact: true });
  await field.fill(flow.use(INSZ.entitled));
  await page.getByRole('button', { name: 'Controleer', exact: true }).click();
  await page.locator('#desk-result').filter({ hasText: OUTCOME }).waitFor();
  console.log(`FIRST_RESULT_MS=${Math.round(performance.now() - started)}`);

  // the label contract: one status, beginning with the outcome
  const entitled = (await page.getByRole('status').filter({ hasText: OUTCOME }).innerText()).trim();
  check(entitled.startsWith('Recht op'), `entitled: ${entitled.slice(0, 80)}`);
  check(/geldig tot .*\(\d{4}-\d{2}-\d{2}\)/.test(entitled), `entitled answer has no validity date: ${entitled}`);
  check(/Kansentarief/.test(entitled), 'entitled answer names no scheme');
  // the field shows the usual written form
  const shown = await field.inputValue();
  check(shown === forms(INSZ.entitled)[1], `field shows ${shown}`);

  // typed as on paper, with dots and a dash
  const notEntitled = await deskCheck(page, flow.use(INSZ.notEntitled), { typed: forms(INSZ.notEntitled)[1] });
  check(notEntitled.startsWith('Geen recht'), `not entitled: ${notEntitled.slice(0, 80)}`);
  check(/dossierbeheerder/.test(notEntitled), 'a no says nothing about asking a caseworker');
  check(/geldig tot .*\(\d{4}-\d{2}-\d{2}\)/.test(notEntitled), `a no says not until when it holds: ${notEntitled}`);

  // pasted with words around it: only the digits are kept, in the usual written form
  const pasted = `INSZ: ${forms(INSZ.entitled)[1]}`;
  check(pasted.length <= Number(await field.getAttribute('maxlength')), `maxlength ${await field.getAttribute('maxlength')} cuts "${pasted.replace(/\d/g, '9')}"`);
  await field.fill(pasted);
  check((await field.inputValue()) === forms(INSZ.entitled)[1], `pasted text shows as ${(await field.inputValue()).replace(/\d/g, '9')}`);
  check((await field.getAttribute('aria-invalid')) !== 'true', 'a pasted valid number is marked invalid');

  const unknown = await deskCheck(page, flow.use(INSZ.unknown));
  check(unknown.startsWith('Nog niet bekend'), `unknown: ${unknown.slice(0, 80)}`);
  check(/geen weigering/i.test(unknown) && /Probeer/.test(unknown), `unknown says not when to try again: ${unknown}`);
  check(!/Geen recht/.test(unknown), 'an unknown looks like a no');
  const unknownClass = await page.locator('#desk-result').getAttribute('class');
  check(/outcome-unknown/.test(unknownClass), `unknown styled as ${unknownClass}`);

  if (INSZ.review) {
    const review = await deskCheck(page, flow.use(INSZ.review));
    check(review.startsWith('Wordt nagekeken'), `review: ${review.slice(0, 80)}`);
  }

  // an invalid number: said at once, never sent
  const checksBefore = flow.urls.filter((u) => u.endsWith('/v1/checks')).length;
  const fetchesBefore = await fetchCount(page, '/v1/checks');
  await field.fill('');
  await field.pressSequentially('85.07.30-033.29');
  check((await field.getAttribute('aria-invalid')) === 'true', 'invalid number not marked aria-invalid');
  const describedBy = (await field.getAttribute('aria-describedby')).split(' ');
  const messages = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).innerText()));
  check(messages.some((m) => /klopt niet/.test(m)), `no inline message for a wrong check number: ${messages}`);
  await page.getByRole('button', { name: 'Controleer', exact: true }).click();
  // the submit handler has run when the click returns: it refused (focus back in the field, nothing pending) and called no fetch
  check(await field.evaluate((el) => el === document.activeElement), 'focus not back in the refused field');
  check(!/pending/.test(await page.locator('#desk-result').getAttribute('class')), 'an invalid number is being checked');
  check((await fetchCount(page, '/v1/checks')) === fetchesBefore, 'an invalid number was sent');
  check(flow.urls.filter((u) => u.endsWith('/v1/checks')).length === checksBefore, 'an invalid number was sent');

  // next resident: all clear, focus in the field
  await page.getByLabel('Regeling', { exact: true }).selectOption('waste-bags');
  await page.getByRole('button', { name: 'Volgende inwoner', exact: true }).click();
  check((await field.inputValue()) === '', 'field not cleared');
  check((await page.locator('#desk-result').innerText()).trim() === '', 'result not cleared');
  check((await page.getByLabel('Regeling', { exact: true }).inputValue()) === 'uitpas-kansentarief', 'scheme not back to UiTPAS');
  check(await field.evaluate((el) => el === document.activeElement), 'focus not in the field');
  const firstOption = await page.getByLabel('Regeling', { exact: true }).locator('option').first().getAttribute('value');
  check(firstOption === 'uitpas-kansentarief', `first scheme is ${firstOption}`);
  // a desk clerk sees no caseworker pages
  check((await page.getByRole('link', { name: 'Dossier', exact: true }).count()) === 0, 'desk clerk sees the resident file');
});

await scenario('desk screen clears itself after two minutes without input', async (page, flow) => {
  await page.clock.install();
  await signIn(page, 'desk');
  const text = await deskCheck(page, flow.use(INSZ.entitled));
  check(text.startsWith('Recht op'), text);
  await page.clock.fastForward('01:50');
  check((await page.locator('#desk-result').innerText()).trim() !== '', 'cleared too early');
  // somebody at the screen (a key, a click) starts the two minutes again
  await page.keyboard.press('Shift');
  await page.clock.fastForward('01:00');
  check((await page.locator('#desk-result').innerText()).trim() !== '', 'cleared although a key was pressed a minute ago');
  await page.locator('h1').click();
  await page.clock.fastForward('01:50');
  check((await page.locator('#desk-result').innerText()).trim() !== '', 'cleared although there was a click 1:50 ago');
  await page.clock.fastForward('00:15');
  await page.waitForFunction(() => document.querySelector('#desk-result')?.textContent === '');
  check((await page.getByLabel('Rijksregisternummer', { exact: true }).inputValue()) === '', 'field not cleared after two minutes');
});

await scenario('desk answer is gone when the screen comes back after two minutes (sleeping tab, other page)', async (page, flow) => {
  await page.clock.install();
  await signIn(page, 'caseworker');
  await goTo(page, 'Balie', 'Controle aan de balie');
  const text = await deskCheck(page, flow.use(INSZ.entitled));
  check(text.startsWith('Recht op'), text);
  // a timer that never fired (the tab slept): the clock jumps, no timer runs
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.clock.setSystemTime(Date.now() + 3 * 60_000);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  check((await page.locator('#desk-result').innerText()).trim() === '', 'a stale answer shows after the tab comes back');
  check((await page.getByLabel('Rijksregisternummer', { exact: true }).inputValue()) === '', 'a stale number shows after the tab comes back');
  await page.clock.resume();
  // away on another page for more than two minutes: the desk opens blank
  await deskCheck(page, INSZ.entitled);
  await goTo(page, 'Dossier', 'Dossier van een inwoner');
  await page.clock.fastForward('02:05');
  await goTo(page, 'Balie', 'Controle aan de balie');
  check((await page.locator('#desk-result').innerText()).trim() === '', 'the answer came back after two minutes on another page');
  check((await page.getByLabel('Rijksregisternummer', { exact: true }).inputValue()) === '', 'the number came back after two minutes on another page');
});

await scenario('caseworker records an override, the desk says yes; revokes it, the desk says no', async (page, flow) => {
  const insz = flow.use(INSZ.notEntitled);
  // an earlier run that died before its finally
  const before = await revokeLeftovers(flow, insz);
  if (before) console.log(`  revoked ${before} override(s) an earlier run left behind`);
  try {
    await recordAndRevoke(page, flow, insz);
  } finally {
    try {
      const left = await revokeLeftovers(flow, insz);
      if (left) console.log(`  revoked ${left} override(s) this run left behind`);
    } catch (error) {
      console.log(`  could not revoke leftovers: ${error.message}`);
    }
  }
});

async function recordAndRevoke(page, flow, insz) {
  const tag = 'browsertest ' + Math.random().toString(36).slice(2, 8).replace(/\d/g, 'x');
  await signIn(page, 'caseworker');
  await goTo(page, 'Dossier', 'Dossier van een inwoner');

  // the purpose is required
  await page.getByLabel('Rijksregisternummer', { exact: true }).fill(insz);
  await page.getByRole('button', { name: 'Zoek dossier', exact: true }).click();
  check((await page.getByLabel('Reden van raadpleging', { exact: true }).getAttribute('aria-invalid')) === 'true', 'no purpose, no complaint');
  check(!flow.urls.some((u) => u.includes('/v1/decisions/search')), 'searched without a purpose');

  await openFile(page, insz);
  const form = page.locator('form.override-form');
  await page.getByLabel('Regeling', { exact: true }).selectOption('uitpas-kansentarief');
  const outcome = page.getByLabel('Uitkomst', { exact: true });
  await outcome.selectOption(await optionStartingWith(outcome, 'Recht'));
  const tier = page.getByLabel('Niveau', { exact: true });
  const tiers = await tier.locator('option').count();
  check(tiers >= 1, 'no tiers for UiTPAS');
  await tier.selectOption({ index: 0 });
  await page.getByLabel('Reden', { exact: true }).selectOption({ label: 'Recent verhuisd' });
  check((await page.getByLabel('Geldig van', { exact: true }).getAttribute('type')) === 'date', 'Geldig van is no date input');
  check((await page.getByLabel('Geldig tot', { exact: true }).getAttribute('type')) === 'date', 'Geldig tot is no date input');

  // rules before sending: valid-until required, no national number in the note
  const posts = () => flow.urls.filter((u) => u.endsWith('/v1/overrides')).length;
  await page.getByLabel('Toelichting', { exact: true }).fill(`${tag}: zie ${forms(INSZ.entitled)[1]}`);
  await form.getByRole('button', { name: 'Afwijking opslaan', exact: true }).click();
  check((await page.getByLabel('Toelichting', { exact: true }).getAttribute('aria-invalid')) === 'true', 'a note with a national number passed');
  check((await page.getByLabel('Geldig tot', { exact: true }).getAttribute('aria-invalid')) === 'true', 'no valid-until, no complaint');
  check(posts() === 0, 'an override breaking the rules was sent');
  flow.use(INSZ.entitled);

  await page.getByLabel('Toelichting', { exact: true }).fill(`${tag}: verhuisd in november, het platform heeft het nog niet.`);
  await page.getByLabel('Geldig tot', { exact: true }).fill(nextYearEnd());
  await form.getByRole('button', { name: 'Afwijking opslaan', exact: true }).click();
  await page.getByText('Afwijking opgeslagen', { exact: false }).waitFor();
  const card = page.locator('article.override').filter({ hasText: tag });
  await card.getByRole('button', { name: 'Intrekken', exact: true }).waitFor();

  await goTo(page, 'Balie', 'Controle aan de balie');
  const yes = await deskCheck(page, insz);
  check(yes.startsWith('Recht op'), `after the override: ${yes.slice(0, 80)}`);

  await goTo(page, 'Dossier', 'Dossier van een inwoner');
  // the file is still open: the number stayed in memory, not in the URL
  // the revocation panel exists only once Intrekken is clicked
  check((await page.locator('.revoke-panel').count()) === 0, 'revocation panels are in the page before Intrekken is clicked');
  check((await page.getByLabel('Reden van intrekking', { exact: true }).count()) === 0, 'a hidden "Reden van intrekking" is in the page');
  const toggle = card.getByRole('button', { name: 'Intrekken', exact: true });
  await toggle.click();
  check((await toggle.getAttribute('aria-expanded')) === 'true', 'Intrekken does not say it is expanded');
  check((await page.locator('.revoke-panel').count()) === 1, 'not exactly one revocation panel');
  const reasonText = 'Browsertest: de inwoner woont toch niet in de stad.';
  await card.getByLabel('Reden van intrekking', { exact: true }).fill(reasonText);
  // the language switch rebuilds the page: the reason typed stays
  await page.getByRole('button', { name: 'English', exact: true }).click();
  check((await card.getByLabel('Reason for revoking', { exact: true }).inputValue()) === reasonText, 'the revocation reason was lost in English');
  await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
  check((await card.getByLabel('Reden van intrekking', { exact: true }).inputValue()) === reasonText, 'the revocation reason was lost on the way back');
  await card.getByRole('button', { name: 'Bevestig intrekking', exact: true }).click();
  await page.getByText('Afwijking ingetrokken.', { exact: true }).waitFor();
  const revoked = page.locator('article.override').filter({ hasText: tag });
  await revoked.filter({ hasText: 'Ingetrokken door' }).waitFor();
  check((await revoked.getByRole('button', { name: 'Intrekken', exact: true }).count()) === 0, 'a revoked override can be revoked again');

  await goTo(page, 'Balie', 'Controle aan de balie');
  const no = await deskCheck(page, insz);
  check(no.startsWith('Geen recht'), `after revoking: ${no.slice(0, 80)}`);
}

await scenario('resident file: a hand-over keeps the open file\'s purpose; another resident gets a fresh override form', async (page, flow) => {
  await signIn(page, 'caseworker');
  await goTo(page, 'Dossier', 'Dossier van een inwoner');
  await openFile(page, flow.use(INSZ.entitled), 'Vraag van de inwoner');
  await page.getByLabel('Toelichting', { exact: true }).fill('concept voor de vorige inwoner');
  await page.getByLabel('Reden', { exact: true }).selectOption({ label: 'Co-ouderschap' });

  // from the worklist to the file: the open file is not relabelled, a new search is asked for
  const worklistSearch = page.waitForRequest((r) => new URL(r.url()).pathname === '/v1/reviews/search');
  await goTo(page, 'Werklijst', 'Werklijst reviewdossiers');
  const purpose = JSON.parse((await worklistSearch).postData() ?? '{}').purpose;
  check(purpose === 'REVIEW_CASE', `the worklist searches with purpose ${purpose}`);
  await page.getByRole('link', { name: 'Naar het dossier van een inwoner' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Dossier van een inwoner', exact: true }).waitFor();
  const purposeLine = await page.locator('.file-head').innerText();
  check(/Reden van raadpleging: Vraag van de inwoner/.test(purposeLine), `the open file was relabelled: ${purposeLine.replace(/\d/g, '9')}`);
  const message = (await page.locator('.file-message').innerText()).trim();
  check(/Zoek het dossier opnieuw/.test(message), `no new search asked for: ${message}`);
  check(
    (await page.getByLabel('Reden van raadpleging', { exact: true }).inputValue()) === 'REVIEW_CASE',
    'the search form does not propose the purpose handed over',
  );

  // another resident: the override form starts blank
  await openFile(page, flow.use(INSZ.notEntitled), 'Vraag van de inwoner');
  await page.locator('.file-head').filter({ hasText: forms(INSZ.notEntitled)[1] }).waitFor();
  check((await page.getByLabel('Toelichting', { exact: true }).inputValue()) === '', 'the last resident\'s draft note stayed in the form');
  check((await page.getByLabel('Reden', { exact: true }).inputValue()) === '', 'the last resident\'s reason stayed in the form');
});

await scenario(
  'accessibility (axe) and screenshots of the three pages',
  async (page, flow) => {
    // open review cases for the worklist (pseudonymous; as the desk would create them)
    if (INSZ.review) {
      const token = await (await flow.context.request.post(new URL('development-token', CONSOLE_URL).href, { data: { role: 'desk' } })).json();
      for (const scheme of ['uitpas-kansentarief', 'school-discount', 'waste-bags']) {
        await flow.context.request.post(new URL('/v1/checks', CONSOLE_URL).href, {
          headers: { Authorization: `Bearer ${token.accessToken}` },
          data: { insz: flow.use(INSZ.review), scheme },
        });
      }
    }
    await page.goto(CONSOLE_URL);
    await page.getByRole('button', { name: 'Aanmelden als dossierbeheerder', exact: true }).waitFor();
    await axe(page, 'sign-in');
    await page.getByRole('button', { name: 'Aanmelden als dossierbeheerder', exact: true }).click();
    await page.getByRole('button', { name: 'Afmelden', exact: true }).waitFor();

    await goTo(page, 'Balie', 'Controle aan de balie');
    const text = await deskCheck(page, flow.use(INSZ.entitled));
    check(text.startsWith('Recht op'), text);
    await axe(page, 'desk check');
    await screenshots(page, 'desk-check');

    // English and back
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByLabel('National number', { exact: true }).waitFor();
    check((await page.locator('html').getAttribute('lang')) === 'en', 'html lang not en');
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await page.getByLabel('Rijksregisternummer', { exact: true }).waitFor();

    await goTo(page, 'Dossier', 'Dossier van een inwoner');
    await openFile(page, flow.use(INSZ.notEntitled), 'Audit');
    await page.locator('article.decision').first().waitFor();
    await axe(page, 'resident file');
    await screenshots(page, 'resident-file');

    await goTo(page, 'Werklijst', 'Werklijst reviewdossiers');
    await page.locator('.list-status').filter({ hasText: /getoond|Geen open/ }).waitFor();
    if (INSZ.review) await page.locator('ol.worklist article').first().waitFor();
    const worklistText = await page.locator('main').innerText();
    check(!leaks(worklistText, ALL_INSZ), 'the worklist shows a national number');
    check(!/\d{11}/.test(worklistText), 'the worklist shows 11 digits in a row');
    await axe(page, 'worklist');
    await screenshots(page, 'worklist');

    await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
    await page.getByRole('button', { name: 'Aanmelden als baliemedewerker', exact: true }).waitFor();
  },
  {},
);

await scenario('opened at /console, without the slash: settings and sign-in still load', async (page, flow) => {
  const bare = new URL(CONSOLE_URL);
  bare.pathname = bare.pathname.replace(/\/+$/, '');
  // the local stack redirects /console to /console/; a host that serves the page at /console itself (S3 behind
  // CloudFront can) is played here: the page's own address then has no slash, so "./x" would mean /x
  const index = await flow.context.request.get(CONSOLE_URL, { maxRedirects: 0 });
  check(index.ok(), `${CONSOLE_URL}: HTTP ${index.status()}`);
  const body = await index.body();
  const headers = index.headers();
  await page.route((url) => url.href === bare.href, (route) => route.fulfill({ status: 200, headers, body }));
  await page.goto(bare.href);
  check(new URL(page.url()).pathname === bare.pathname, `not at ${bare.pathname} but ${page.url()}`);
  await page.getByRole('button', { name: 'Aanmelden als baliemedewerker', exact: true }).click();
  await page.getByRole('button', { name: 'Afmelden', exact: true }).waitFor();
  const text = await deskCheck(page, flow.use(INSZ.entitled));
  check(text.startsWith('Recht op'), text);
});

await scenario('a sign-in about to expire says so, and asks to sign in again', async (page, flow) => {
  await page.clock.install();
  await signIn(page, 'desk');
  const text = await deskCheck(page, flow.use(INSZ.entitled));
  check(text.startsWith('Recht op'), text);
  const token = await page.evaluate(async () => {
    const r = await fetch('/console/development-token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"role":"desk"}' });
    return (await r.json()).accessToken;
  });
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  const lifetimeMs = (claims.exp - claims.iat) * 1000;
  check(lifetimeMs > 6 * 60_000, `development tokens live ${lifetimeMs / 1000} s: too short to test the warning`);
  const warning = page.locator('.session-warning');
  check((await warning.innerText()).trim() === '', 'a warning shows right after signing in');
  check((await warning.getAttribute('role')) === 'alert', 'the warning is no alert');
  await page.clock.fastForward(lifetimeMs - 4 * 60_000);
  await warning.filter({ hasText: /Uw aanmelding verloopt om \d\d:\d\d/ }).waitFor();
  await warning.getByRole('button', { name: 'Opnieuw aanmelden', exact: true }).click();
  await page.getByRole('button', { name: 'Aanmelden als baliemedewerker', exact: true }).waitFor();
  check((await warning.innerText()).trim() === '', 'the warning stayed after signing out');
});

await browser.close();
if (env.ONLY && ran === 0) {
  console.log(`FAILED: ONLY=${env.ONLY} selects no scenario`);
  failures += 1;
}
console.log(failures ? `${failures} scenario(s) FAILED` : `all ${ran} scenarios passed`);
process.exit(failures ? 1 : 0);
