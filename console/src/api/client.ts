import type {
  CheckRequest, CheckResponse, DecisionView, OverrideRequest, OverrideView, Problem, Purpose,
  ReviewSearchRequest, ReviewSearchResponse, SchemeCatalog,
} from './types';

/** An answer other than 2xx: the problem+json body (detail, field errors) and, for 503/429, Retry-After. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem, readonly retryAfterSeconds: number | null) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** The message for one field, if the API named it. */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field)?.message;
  }
}

export interface ApiResult<T> {
  body: T;
  retryAfterSeconds: number | null;
}

type TokenSource = () => string | null;

/** Same-origin calls to /v1/… with the bearer token held in memory; JSON bodies (the INSZ only ever in a body). */
export class Api {
  /** Called when the API says the token is no good any more (401). */
  onUnauthorized: () => void = () => {};

  constructor(private readonly token: TokenSource, private readonly base = '/v1') {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
        redirect: 'error',
      });
    } catch {
      throw new ApiError(0, { title: 'Network error', detail: '' }, null);
    }
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    const text = response.status === 204 ? '' : await response.text();
    let json: unknown = undefined;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    if (!response.ok) {
      if (response.status === 401) this.onUnauthorized();
      // the API answers problem+json; the gateway itself (throttling, 401) may answer {"message": …}
      const problem: Problem = isObject(json) ? { ...(json as Problem) } : { status: response.status, title: response.statusText };
      if (isObject(json) && !problem.detail && typeof json.message === 'string') problem.detail = json.message;
      throw new ApiError(response.status, problem, retryAfter);
    }
    return { body: json as T, retryAfterSeconds: retryAfter };
  }

  schemes(): Promise<SchemeCatalog> {
    return this.call<SchemeCatalog>('GET', '/schemes').then((r) => r.body);
  }

  check(request: CheckRequest): Promise<ApiResult<CheckResponse>> {
    return this.call<CheckResponse>('POST', '/checks', request);
  }

  decisions(insz: string, scheme: string, purpose: Purpose): Promise<DecisionView[]> {
    return this.call<DecisionView[]>('POST', '/decisions/search', { insz, scheme, purpose }).then((r) => r.body ?? []);
  }

  overrides(insz: string, purpose: Purpose, scheme?: string): Promise<OverrideView[]> {
    const body: Record<string, string> = { insz, purpose };
    if (scheme) body.scheme = scheme;
    return this.call<OverrideView[]>('POST', '/overrides/search', body).then((r) => r.body ?? []);
  }

  createOverride(request: OverrideRequest): Promise<OverrideView> {
    return this.call<OverrideView>('POST', '/overrides', request).then((r) => r.body);
  }

  revokeOverride(overrideId: string, reason: string): Promise<void> {
    return this.call<void>('DELETE', '/overrides/' + encodeURIComponent(overrideId), { reason }).then(() => undefined);
  }

  reviews(request: ReviewSearchRequest): Promise<ReviewSearchResponse> {
    return this.call<ReviewSearchResponse>('POST', '/reviews/search', request).then((r) => r.body ?? { cases: [], cursor: null });
  }
}

/** Retry-After as seconds: a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
