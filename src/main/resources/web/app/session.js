// The signed-in session: the tokens from /api/auth/login (or phone sign-in), kept in localStorage so a
// reload or a second tab stays signed in, refreshed shortly before the access token expires.
//
// Refresh tokens work once. Two tabs refreshing at the same moment would burn the same token, so a
// refresh runs under a Web Lock shared by the tabs, and a tab that finds the stored refresh token
// already replaced by another tab uses the new tokens instead of refreshing again.

const KEY = "tradebook.session";
const EARLY_MS = 30_000; // refresh this long before the access token expires
const listeners = new Set();
let inFlight = null;

/** The stored session {userId, accessToken, refreshToken, expiresAt (ms)}, or null. */
export function current() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? "null");
    return stored && stored.accessToken && stored.refreshToken ? stored : null;
  } catch (corrupt) {
    localStorage.removeItem(KEY);
    return null;
  }
}

export function signedIn() {
  return current() !== null;
}

/** Keeps the tokens of a sign-in or refresh answer ({userId, accessToken, refreshToken, expiresIn}). */
export function save(tokens) {
  const session = {
    userId: tokens.userId,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
  };
  localStorage.setItem(KEY, JSON.stringify(session));
  notify();
  return session;
}

/** Forgets the session (after sign-out, or when it cannot be refreshed). */
export function clear() {
  const had = localStorage.getItem(KEY) !== null;
  localStorage.removeItem(KEY);
  if (had) notify();
}

/** Calls listener() whenever this or another tab signs in or out. Returns the unsubscribe function. */
export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  for (const listener of listeners) listener(current());
}

window.addEventListener("storage", event => {
  if (event.key === KEY || event.key === null) notify();
});

/** An access token that is valid for at least the next half minute, refreshing first if needed; null when signed out. */
export async function accessToken() {
  const session = current();
  if (!session) return null;
  if (session.expiresAt - Date.now() > EARLY_MS) return session.accessToken;
  const fresh = await refresh(session);
  return fresh ? fresh.accessToken : null;
}

/**
 * Exchanges the refresh token of stale (a session known to be out of date) for new tokens, once
 * for all callers at the same time. Resolves the new session, or null when the refresh token is
 * refused (the session is then cleared). A network failure rejects, keeping the session.
 */
export function refresh(stale = current()) {
  if (!stale) return Promise.resolve(null);
  if (!inFlight) {
    const run = () => exchange(stale);
    inFlight = (navigator.locks ? navigator.locks.request("tradebook-refresh", run) : run())
      .finally(() => { inFlight = null; });
  }
  return inFlight;
}

async function exchange(stale) {
  const now = current();
  if (!now) return null;
  if (now.refreshToken !== stale.refreshToken) return now; // another tab refreshed already
  const response = await fetch("/api/auth/refresh", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ refreshToken: now.refreshToken }),
  });
  if (!response.ok) {
    if (current()?.refreshToken === now.refreshToken) clear();
    return null;
  }
  return save(await response.json());
}
