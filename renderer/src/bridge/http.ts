/**
 * The `Api` over the browser host (main/host): `POST /api/<channel>` with the JSON input as body and
 * the per-run token in a header; the body of the answer is the `Result` envelope.
 */
import { implementApi } from '../../../preload/api';
import type { Api, ApiError, Channel, ChannelOutput, ErrorCode, Result } from '../../../preload/api';

const tokenKey = 'placeringskollen.token';
export const tokenHeader = 'X-Placeringskollen-Token';

/**
 * The host opens the page at `/#token=…`. Keep the token for this tab only (sessionStorage) and
 * take it out of the address bar, so it does not end up in bookmarks, history or screenshots.
 */
export function takeToken(): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(tokenKey, fromHash);
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(tokenKey);
}

const fail = (code: ErrorCode, message: string): { ok: false; error: ApiError } => ({ ok: false, error: { code, message } });

const forbidden = () =>
  fail('FORBIDDEN', 'Sidan saknar behörighet till registret. Öppna Placeringskollen på nytt från programmet eller kommandoraden.');

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  return body.ok === true ? 'value' in body : 'error' in body && typeof body.error === 'object' && body.error !== null;
}

async function post(channel: Channel, input: unknown, token: string | null): Promise<Result<unknown>> {
  if (!token) return forbidden();
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [tokenHeader]: token },
      body: JSON.stringify(input ?? {}),
      cache: 'no-store',
    });
  } catch {
    return fail('INTERNAL', 'Kunde inte nå Placeringskollen. Kontrollera att programmet fortfarande är igång.');
  }
  if (response.status === 401 || response.status === 403) return forbidden();
  try {
    const body: unknown = await response.json();
    if (isResult(body)) return body;
  } catch {
    // Not JSON: fall through to the generic message.
  }
  return fail('INTERNAL', 'Oväntat svar från Placeringskollen. Försök igen.');
}

export function createHttpApi(): Api {
  const token = takeToken();
  return implementApi(<C extends Channel>(channel: C, input: unknown) =>
    post(channel, input, token) as Promise<Result<ChannelOutput<C>>>);
}
