// The API client: JSON in and out, the bearer token of the session (refreshed silently), and every
// error as an ApiProblem built from the server's application/problem+json (RFC 9457), whose
// fieldErrors the forms show at their fields. A 401 that a refresh cannot cure signs the user out.

import * as session from "./session.js";

/** An error answer of the API: status, type (the part after urn:tradebook:problem:), title, detail, field errors. */
export class ApiProblem extends Error {
  constructor({ status = 0, type = "about:blank", title = "Request failed", detail = "", errors = [], retryAfter = null, instance = "" }) {
    super(detail || title);
    this.name = "ApiProblem";
    this.status = status;
    this.type = type.replace(/^urn:tradebook:problem:/, "");
    this.title = title;
    this.detail = detail;
    this.fieldErrors = Array.isArray(errors) ? errors.filter(e => e && typeof e.field === "string") : [];
    this.retryAfter = retryAfter;
    this.instance = instance;
  }

  /** What to tell a person: the detail, with how long to wait when the server said so. */
  get message() {
    const text = this.detail || this.title;
    return this.retryAfter ? `${text} Try again in ${this.retryAfter} s.` : text;
  }
}

let signedOutHandler = () => {};

/** Sets what happens when the session ends under a request (normally: go to the sign-in page). */
export function onSignedOut(handler) {
  signedOutHandler = handler;
}

/**
 * Sends one request. options: body (sent as JSON), auth (default true: send the session's token),
 * signal (an AbortSignal). Resolves the JSON answer (null for 204); rejects with an ApiProblem.
 */
export async function request(method, path, { body, auth = true, signal } = {}) {
  const send = async token => {
    const headers = { Accept: "application/json, application/problem+json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (failure) {
      if (failure.name === "AbortError") throw failure;
      throw new ApiProblem({ type: "network", title: "The server cannot be reached", detail: "The server cannot be reached. Check the connection and try again." });
    }
  };
  let token = auth ? await tokenOrNull() : null;
  let response = await send(token);
  if (response.status === 401 && auth && token) {
    // the access token was refused (expired early, or the session was refreshed elsewhere): refresh once and retry
    const fresh = await session.refresh().catch(() => null);
    if (fresh) response = await send(fresh.accessToken);
  }
  if (response.status === 401 && auth) {
    session.clear();
    signedOutHandler();
  }
  return read(response);
}

async function tokenOrNull() {
  try {
    return await session.accessToken();
  } catch (network) {
    throw new ApiProblem({ type: "network", title: "The server cannot be reached", detail: "The server cannot be reached. Check the connection and try again." });
  }
}

async function read(response) {
  const type = response.headers.get("Content-Type") ?? "";
  const json = type.includes("json") && response.status !== 204 ? await response.json().catch(() => null) : null;
  if (response.ok) return json;
  const retryAfter = response.headers.get("Retry-After");
  if (json && typeof json === "object") {
    throw new ApiProblem({ ...json, status: response.status, retryAfter: retryAfter ? Number(retryAfter) : null });
  }
  throw new ApiProblem({ status: response.status, title: response.statusText || `HTTP ${response.status}`, detail: `The server answered ${response.status}.` });
}

export const get = (path, options) => request("GET", path, options);
export const post = (path, body, options) => request("POST", path, { ...options, body });
export const patch = (path, body, options) => request("PATCH", path, { ...options, body });
export const del = (path, options) => request("DELETE", path, options);

/** Signs in with {email, password} or a phone code answer; keeps the tokens. */
export async function signIn(path, body) {
  const tokens = await request("POST", path, { body, auth: false });
  return session.save(tokens);
}

/** Ends the session on the server (best effort) and forgets it here. */
export async function signOut() {
  try {
    if (session.signedIn()) await request("POST", "/api/auth/logout", { auth: true });
  } catch (ignored) {
    // the session is forgotten here whatever the server said
  } finally {
    session.clear();
  }
}

let operations = null;
/** The set of "METHOD /path" the server offers, from /openapi.json (read once). Pages appear only when theirs exist. */
export async function availableOperations() {
  if (!operations) {
    operations = get("/openapi.json", { auth: false }).then(doc => {
      const set = new Set();
      for (const [path, ops] of Object.entries(doc.paths ?? {})) {
        for (const method of Object.keys(ops)) set.add(`${method.toUpperCase()} ${path}`);
      }
      return set;
    }).catch(problem => {
      operations = null;
      throw problem;
    });
  }
  return operations;
}
