// Notifications: newest first, unread ones marked; mark one or all read. New ones appear live, and
// the count in the navigation follows.
import { append, h, replace, announce, guarded } from "../dom.js";
import * as api from "../api.js";
import { field } from "../forms.js";
import { debounce, time } from "../trading.js";

export const title = "Notifications";

export async function render(view) {
  const { main } = view;
  const list = h("section", { "aria-labelledby": "notification-list" });
  const unreadOnly = field({ name: "unread", label: "Unread only", type: "checkbox" });
  const markAll = h("button", { type: "button", class: "secondary", onclick: guarded(async () => {
    const { marked } = await api.post("/api/notifications/read-all", undefined, { signal: view.signal });
    announce(marked === 1 ? "1 notification marked read." : `${marked} notifications marked read.`);
    await load();
  }) }, "Mark all read");
  append(main, h("h1", {}, title), h("div", { class: "row spread" }, unreadOnly, markAll), list);
  unreadOnly.querySelector("input").addEventListener("change", () => load().catch(() => {}));

  let cursor = null;
  async function load(more = false) {
    const q = new URLSearchParams({ limit: "50" });
    if (unreadOnly.querySelector("input").checked) q.set("unread", "true");
    if (more && cursor) q.set("cursor", cursor);
    const page = await api.get(`/api/notifications?${q}`, { signal: view.signal });
    cursor = page.nextCursor;
    const items = page.notifications.map(n => h("li", { class: `notification ${n.readAt ? "read" : "unread"} level-${n.level.toLowerCase()}`, "data-id": n.id },
      h("div", { class: "row spread" },
        h("strong", {}, n.readAt ? null : h("span", { class: "visually-hidden" }, "Unread: "), n.title),
        h("span", { class: "muted" }, h("span", { class: "badge" }, n.level.toLowerCase()), " ", time(n.createdAt))),
      h("p", {}, n.message),
      n.readAt ? null : h("button", { type: "button", class: "link-button", "aria-label": `Mark “${n.title}” read`, onclick: guarded(async () => {
        await api.post(`/api/notifications/${encodeURIComponent(n.id)}/read`, undefined, { signal: view.signal });
        await load();
      }) }, "Mark read")));
    const ul = more ? list.querySelector("ul") : null;
    if (ul) ul.append(...items);
    else replace(list, h("h2", { id: "notification-list", class: "visually-hidden" }, "Your notifications"),
      items.length ? h("ul", { class: "notifications" }, items) : h("p", { class: "muted" }, "No notifications."));
    list.querySelector(".more")?.remove();
    if (cursor) list.append(h("button", { type: "button", class: "secondary more", onclick: guarded(() => load(true)) }, "Show older"));
    view.unreadChanged?.();
  }
  await load();
  const reload = debounce(() => load().catch(() => {}), 200);
  view.live().on("notification", reload, { signal: view.signal });
  view.live().on("resync", reload, { signal: view.signal });
}
