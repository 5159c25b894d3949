/**
 * The API key lives in sessionStorage only: it survives reloads of this tab
 * and is gone when the tab closes; it is never written to localStorage,
 * cookies or the URL.
 */
const STORAGE_KEY = 'mesh-trace.api-key';

/** Keys the gateway issues: mtk_live_… or mtk_test_… (src/auth). */
export const API_KEY_PATTERN = /^mtk_(live|test)_[A-Za-z0-9_-]{16,128}$/;

export function loadKey(storage: Storage = sessionStorage): string | null {
  const key = storage.getItem(STORAGE_KEY);
  return key !== null && API_KEY_PATTERN.test(key) ? key : null;
}

export function saveKey(key: string, storage: Storage = sessionStorage): void {
  storage.setItem(STORAGE_KEY, key);
}

export function clearKey(storage: Storage = sessionStorage): void {
  storage.removeItem(STORAGE_KEY);
}
