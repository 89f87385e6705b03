// fetch with the API's conventions: JSON in and out, the page's language, an optional bearer
// token and Idempotency-Key, and every error as an ApiError carrying the server's human message.
import { currentLang, t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || {};
  }
}

/** A fresh key for one press or tap; works on plain http too, where crypto.randomUUID is missing. */
export function newKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/** Who wants a device's fresh token (assets/pairing.js keeps it where the page stores its device). */
const freshTokenListeners = [];

/**
 * Calls listener(oldToken, freshToken) when an answer to a request made with oldToken carries a
 * fresh token (header X-Layso-Token: a device token rotates on use, at most once a day; the old one
 * stays valid for 48 hours).
 */
export function onFreshToken(listener) {
  freshTokenListeners.push(listener);
}

export async function api(path, { method = 'GET', body, token, idempotencyKey, timeoutMs = 10000 } = {}) {
  const headers = { 'Accept': 'application/json', 'Accept-Language': currentLang() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  // old WebViews (Zalo on old Android) have fetch but no AbortController: no timeout there
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : null;
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller ? controller.signal : undefined, cache: 'no-store',
    });
  } catch (network) {
    throw new ApiError(0, 'network', t('common.networkError'));
  } finally {
    clearTimeout(timer);
  }
  const fresh = token && response.headers.get('X-Layso-Token');
  if (fresh && fresh !== token) {
    freshTokenListeners.forEach(listener => {
      try { listener(token, fresh); } catch (ignored) { /* one page's keeper never stops another */ }
    });
  }
  if (response.status === 204) return null;
  let json = null;
  try { json = await response.json(); } catch (notJson) { /* an empty or non-JSON answer */ }
  if (!response.ok) {
    throw new ApiError(response.status, json && json.code || 'http_' + response.status,
      json && json.message || t('common.serverError'), json);
  }
  return json;
}
