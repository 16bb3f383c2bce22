/**
 * Sign-in. Two modes, chosen by config.json (beside the app, at import.meta.env.BASE_URL):
 *  - development: the local stack hands out tokens for a role (POST /console/development-token);
 *  - oidc: authorization code with PKCE (oidc-client-ts, loaded only in this mode).
 * The access token lives in memory only (this module's variable), never in storage.
 */

import type { User, UserManager } from 'oidc-client-ts';

export const SCOPE_CHECK = 'entitlements/check';
export const SCOPE_OVERRIDE = 'entitlements/override';

/** How long before the access token expires the console asks to sign in again. */
export const EXPIRY_WARNING_MS = 5 * 60 * 1000;

export type ConsoleConfig =
  | { signIn: 'development' }
  | { signIn: 'oidc'; issuer: string; clientId: string; scope?: string };

export interface Session {
  accessToken: string;
  scopes: string[];
  sub: string;
  expiresAt?: number;
}

let session: Session | null = null;
let oidcManager: UserManager | null = null;

export function currentSession(): Session | null {
  return session;
}

export function accessToken(): string | null {
  if (session?.expiresAt && Date.now() >= session.expiresAt) return null;
  return session?.accessToken ?? null;
}

export function hasScope(scope: string): boolean {
  return !!session && session.scopes.some((s) => s === scope || s.endsWith('/' + scope));
}

/** An address beside the app (/console/…), whatever the page's own address: /console and /console/ alike. */
export function appUrl(path: string): string {
  const base = import.meta.env.BASE_URL;
  return (base.endsWith('/') ? base : base + '/') + path;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch(appUrl('config.json'), { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  const config = (await response.json()) as ConsoleConfig;
  if (config.signIn !== 'development' && config.signIn !== 'oidc') throw new Error('config.json: unknown signIn');
  return config;
}

export async function signInDevelopment(role: 'desk' | 'caseworker'): Promise<Session> {
  const response = await fetch(appUrl('development-token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ role }),
    cache: 'no-store',
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`development-token: HTTP ${response.status}`);
  const body = (await response.json()) as { accessToken: string; scopes?: string[]; sub?: string };
  const claims = decodeJwtPayload(body.accessToken);
  session = {
    accessToken: body.accessToken,
    scopes: body.scopes ?? scopesOf(claims),
    sub: body.sub ?? String(claims?.sub ?? role),
    expiresAt: typeof claims?.exp === 'number' ? claims.exp * 1000 : undefined,
  };
  return session;
}

/** The console's own address, without query or hash: the OIDC redirect target. */
export function consoleUrl(): string {
  return location.origin + appUrl('');
}

async function manager(config: Extract<ConsoleConfig, { signIn: 'oidc' }>): Promise<UserManager> {
  if (oidcManager) return oidcManager;
  const { UserManager, WebStorageStateStore, InMemoryWebStorage } = await import('oidc-client-ts');
  oidcManager = new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: consoleUrl(),
    post_logout_redirect_uri: consoleUrl(),
    response_type: 'code',
    scope: config.scope ?? 'openid entitlements/check entitlements/override',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    // only the PKCE verifier and state survive the redirect, for the tab's lifetime
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
  });
  return oidcManager;
}

/** At start, in OIDC mode: forget PKCE states of sign-ins that were never finished (a tab closed at the provider). */
export async function clearStaleOidcState(config: ConsoleConfig): Promise<void> {
  if (config.signIn !== 'oidc') return;
  const userManager = await manager(config);
  await userManager.clearStaleState();
}

/** What the identity provider sent the browser back for, if anything. */
export type OidcReturn = { kind: 'signed-in'; session: Session } | { kind: 'signed-out' } | null;

/** After the identity provider sends the browser back (?code=…&state=…, or ?state=… after sign-out): finish and clean the URL. */
export async function completeOidcIfReturning(config: ConsoleConfig): Promise<OidcReturn> {
  if (config.signIn !== 'oidc') return null;
  const params = new URLSearchParams(location.search);
  if (!params.has('state')) return null;
  const userManager = await manager(config);
  try {
    if (params.has('code') || params.has('error')) {
      const user = await userManager.signinRedirectCallback();
      return { kind: 'signed-in', session: fromOidcUser(user) };
    }
    await userManager.signoutRedirectCallback().catch(() => undefined);
    return { kind: 'signed-out' };
  } finally {
    history.replaceState(null, '', consoleUrl() + location.hash);
  }
}

/** Signs in at the identity provider; always asking for credentials, so a desk PC never signs the next clerk in as the last one. */
export async function signInOidc(config: ConsoleConfig): Promise<void> {
  if (config.signIn !== 'oidc') return;
  const userManager = await manager(config);
  await userManager.signinRedirect({ prompt: 'login' });
}

function fromOidcUser(user: User): Session {
  const claims = decodeJwtPayload(user.access_token);
  session = {
    accessToken: user.access_token,
    scopes: scopesOfAccessToken(user.access_token, user.scopes),
    sub: String(claims?.username ?? claims?.sub ?? user.profile?.sub ?? ''),
    expiresAt: user.expires_at ? user.expires_at * 1000 : undefined,
  };
  return session;
}

/**
 * Signs out. In OIDC mode with `endSession` and an `end_session_endpoint` in the provider's metadata, the
 * provider's session ends too: the browser leaves for the provider and comes back to the console (returns true).
 * Without that endpoint (Cognito has none) only the console forgets the user; signing in asks for credentials again.
 */
export async function signOut(options: { endSession?: boolean } = {}): Promise<boolean> {
  session = null;
  const userManager = oidcManager;
  if (!userManager) return false;
  if (options.endSession) {
    try {
      const endpoint = await userManager.metadataService.getEndSessionEndpoint();
      if (endpoint) {
        await userManager.signoutRedirect({ state: 'signed-out' });
        return true;
      }
    } catch {
      /* no metadata: sign out here only */
    }
  }
  await userManager.removeUser();
  return false;
}

/** The payload of a JWT, not verified (the API verifies it); null when it is not a JWT. */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length < 2) return null;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const json = JSON.parse(new TextDecoder().decode(bytes));
    return typeof json === 'object' && json !== null ? json : null;
  } catch {
    return null;
  }
}

/** Scopes of a token: the `scope` claim (space-separated, RFC 8693) or a `scp` list. */
export function scopesOf(claims: Record<string, unknown> | null): string[] {
  if (!claims) return [];
  const raw = claims.scope ?? claims.scp;
  if (typeof raw === 'string') return raw.split(/\s+/).filter(Boolean);
  if (Array.isArray(raw)) return raw.map(String);
  return [];
}

/** The scopes the API will see: the access token's own claim; the token response's `scope` only when the token shows none (opaque). */
export function scopesOfAccessToken(accessToken: string, fallback: readonly string[] = []): string[] {
  const own = scopesOf(decodeJwtPayload(accessToken));
  return own.length ? own : [...fallback];
}

/** How long until the session's token expires (ms), or null when it does not say. */
export function msUntilExpiry(now = Date.now()): number | null {
  return session?.expiresAt ? session.expiresAt - now : null;
}
