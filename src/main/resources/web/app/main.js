// The dashboard's start: learns which pages this server supports, draws the navigation, and renders
// the page of the current URL. Each page gets a `view` (see docs/dashboard.md) and an AbortSignal
// that fires when the user leaves it, which ends its requests and live subscriptions.

import * as api from "./api.js";
import * as session from "./session.js";
import { availablePages } from "./pages.js";
import { compile, startRouter } from "./router.js";
import { h, replace } from "./dom.js";
import { LiveStream } from "./live.js";

const main = document.getElementById("main");
const nav = document.getElementById("nav");
const toggle = document.querySelector(".nav-toggle");
const who = document.querySelector(".who");
const phone = window.matchMedia("(max-width: 45rem)");

let routes = [];
let current = null; // {controller}
let navigate = () => {};
let me = null;
let live = null;
let rendered = 0; // pages shown since the document loaded
let unread = 0; // unread notifications, shown beside the navigation item that has badge "unread"

async function start() {
  let operations;
  try {
    operations = await api.availableOperations();
  } catch (problem) {
    replace(main, h("h1", { tabindex: "-1" }, "The server cannot be reached"), h("p", {}, problem.message),
      h("button", { type: "button", onclick: () => location.reload() }, "Try again"));
    return;
  }
  routes = availablePages(operations).map(page => ({ ...page, match: compile(page.path) }));
  api.onSignedOut(() => {
    me = null;
    const here = location.pathname + location.search;
    navigate(`/sign-in${here === "/" || here.startsWith("/sign-") ? "" : `?next=${encodeURIComponent(here)}`}`, { replace: true });
  });
  session.onChange(state => {
    if (!state) {
      me = null;
      unread = 0;
      live?.stop();
      live = null;
      const page = routes.find(r => r.match(location.pathname));
      if (!page || page.access === "session") navigate("/sign-in", { replace: true });
      else drawChrome();
    }
  });
  document.querySelector(".skip-link").addEventListener("click", event => {
    event.preventDefault();
    main.focus();
  });
  toggle.addEventListener("click", () => setFolded(toggle.getAttribute("aria-expanded") === "true"));
  phone.addEventListener("change", () => setFolded(phone.matches));
  who.querySelector(".sign-out").addEventListener("click", async () => {
    live?.stop();
    live = null;
    await api.signOut();
    me = null;
    navigate("/sign-in");
  });
  // close the stream when the document is put away (a new page load, or the back-forward cache), so its
  // connection is not held open (browsers allow six per server); start it again if the page comes back
  window.addEventListener("pagehide", () => {
    live?.stop();
    live = null;
  });
  window.addEventListener("pageshow", event => {
    if (event.persisted && session.signedIn()) render(new URL(location.href));
  });
  navigate = startRouter(render);
  render(new URL(location.href));
}

function setFolded(folded) {
  const fold = folded && phone.matches;
  toggle.setAttribute("aria-expanded", String(!fold));
  nav.hidden = fold || !session.signedIn();
}

/** The signed-in user (from /api/me), read once per sign-in. */
async function whoAmI(signal) {
  if (!me) me = await api.get("/api/me", { signal });
  return me;
}

function drawChrome(path = location.pathname) {
  const signedIn = session.signedIn();
  const items = routes.filter(r => r.nav);
  replace(nav.querySelector("ul"), items.map(r =>
    h("li", {}, h("a", { href: r.path, "aria-current": path === r.path || path.startsWith(`${r.path}/`) ? "page" : null }, r.nav,
      r.badge === "unread" && signedIn && unread > 0 ? [" ", h("span", { class: "count", "data-unread": unread }, String(unread), h("span", { class: "visually-hidden" }, " unread"))] : null))));
  toggle.hidden = !signedIn || !phone.matches;
  nav.hidden = !signedIn || (phone.matches && toggle.getAttribute("aria-expanded") !== "true");
  who.hidden = !signedIn;
  who.querySelector(".who-name").textContent = me ? me.user.fullName || me.user.email || me.user.phoneNumber || "" : "";
}

async function render(url) {
  current?.controller.abort();
  const controller = new AbortController();
  current = { controller };
  const signedIn = session.signedIn();
  if (url.pathname === "/") {
    const home = routes.find(r => r.nav);
    navigate(signedIn && home ? home.path : "/sign-in", { replace: true });
    return;
  }
  let params = null;
  const page = routes.find(r => (params = r.match(url.pathname)));
  if (page?.access === "session" && !signedIn) {
    navigate(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, { replace: true });
    return;
  }
  if (page?.access === "anonymous" && signedIn) {
    navigate(safeNext(url.searchParams.get("next")), { replace: true });
    return;
  }
  if (phone.matches) setFolded(true);
  drawChrome(url.pathname);
  main.setAttribute("aria-busy", "true");
  try {
    if (signedIn) {
      await whoAmI(controller.signal);
      drawChrome(url.pathname);
      refreshUnread();
    }
    const module = page ? await page.load() : await import("./pages/not-found.js");
    if (controller.signal.aborted) return;
    document.title = `${module.title} · Tradebook`;
    main.replaceChildren();
    await module.render({
      main, params: params ?? {}, query: url.searchParams, signal: controller.signal, me,
      navigate, next: () => safeNext(url.searchParams.get("next")), live: liveStream, unreadChanged: () => refreshUnread(), refreshMe: async () => { me = null; return whoAmI(); },
    });
  } catch (problem) {
    if (problem?.name === "AbortError" || controller.signal.aborted) return;
    if (!(problem instanceof api.ApiProblem)) console.warn("a page failed", problem);
    replace(main, h("h1", { tabindex: "-1" }, "This page could not be shown"), h("p", { role: "alert" }, problem.message));
  } finally {
    if (current?.controller === controller) main.removeAttribute("aria-busy");
  }
  // after a change of page (not on the first load, where the browser starts at the skip link), focus the new heading
  if (!controller.signal.aborted && rendered++ > 0) focusHeading();
}

/** Moves focus to the new page's heading, so keyboard and screen reader users start at the top of what changed. */
function focusHeading() {
  const heading = main.querySelector("h1");
  if (!heading) return;
  heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: false });
}

/** A same-origin path from ?next=, else home. */
function safeNext(next) {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

/** The live event stream, started on first use by a page (pages subscribe with view.live().on(type, handler)). */
function liveStream() {
  if (!live) {
    live = new LiveStream();
    live.on("notification", () => refreshUnread());
    live.on("resync", () => refreshUnread());
    live.start();
  }
  return live;
}

let unreadAsked = 0;
/** Reads the unread count again (when the server has the route) and redraws the navigation if it changed. */
async function refreshUnread() {
  const page = routes.find(r => r.badge === "unread");
  if (!page || !session.signedIn()) return;
  const asked = ++unreadAsked;
  try {
    const { unread: count } = await api.get("/api/notifications/unread-count");
    if (asked !== unreadAsked || count === unread) return;
    unread = count;
    drawChrome();
  } catch (ignored) {
    // the count stays as it was; the next page or notification reads it again
  }
}

start();
