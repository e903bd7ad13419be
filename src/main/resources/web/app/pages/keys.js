// API keys: create one (its secret is shown once, with a copy button), list them, revoke them.
import { append, h, replace, table, announce, confirmDialog, guarded } from "../dom.js";
import * as api from "../api.js";
import { field, checkboxes, onSubmit } from "../forms.js";
import { formatDecimal, formatTime } from "../format.js";

export const title = "API keys";

const SCOPES = { read: "Read: books, orders, positions", trade: "Trade: submit and cancel orders", "market-data": "Market data: push prices" };

export async function render(view) {
  const { main, me } = view;
  const list = h("section", { "aria-labelledby": "keys-list" });
  const created = h("div");
  const scopeOptions = Object.entries(SCOPES)
    .filter(([scope]) => scope !== "market-data" || me.user.role === "ADMIN")
    .map(([value, label]) => ({ value, label, checked: value === "read" }));
  const form = onSubmit(h("form", { class: "card", "aria-labelledby": "new-key" },
    h("h2", { id: "new-key" }, "Create a key"),
    field({ name: "name", label: "Name", required: true, hint: "What uses it, such as “rebalancer on the NAS”." }),
    checkboxes("scopes", "Scopes", scopeOptions),
    field({ name: "strategyActivationId", label: "Bound strategy activation", hint: "The id of one of your strategy activations: everything this key orders is then attributed to it." }),
    field({ name: "expiresAt", label: "Expires", type: "datetime-local", hint: "In your time zone. Leave empty for a key that does not expire." }),
    field({ name: "rateLimitPerMinute", label: "Requests per minute", type: "number", min: 1, step: 1, inputmode: "numeric", hint: "Leave empty for the server's default." }),
    h("button", { type: "submit" }, "Create the key")), async (v, formElement) => {
    const body = { name: v.name ?? "", scopes: v.scopes };
    if (v.strategyActivationId) body.strategyActivationId = v.strategyActivationId;
    if (v.expiresAt) body.expiresAt = new Date(v.expiresAt).toISOString();
    if (v.rateLimitPerMinute) body.rateLimitPerMinute = /^\d+$/.test(v.rateLimitPerMinute) ? Number(v.rateLimitPerMinute) : v.rateLimitPerMinute;
    const answer = await api.post("/api/keys", body, { signal: view.signal });
    formElement.reset();
    showOnce(created, answer);
    await load(view, list);
  });
  append(main, h("h1", {}, title),
    h("p", {}, "Programs use a key instead of your password: send it as ", h("code", {}, "Authorization: Bearer tbk_…"), " or ", h("code", {}, "X-API-Key"), "."),
    created, form, list);
  await load(view, list);
}

/** The new key, shown once: a read-only field, a copy button, and a button that hides it for good. */
function showOnce(container, { key, details }) {
  const input = h("input", { type: "text", readonly: true, value: key, id: "new-key-secret", "aria-describedby": "new-key-warning", spellcheck: "false" });
  const copy = h("button", { type: "button", class: "secondary", onclick: async () => {
    try {
      await navigator.clipboard.writeText(key);
    } catch (denied) {
      input.select();
      if (!document.execCommand("copy")) {
        announce("Select the key and copy it.");
        return;
      }
    }
    copy.textContent = "Copied";
    announce("The key is copied to the clipboard.");
  } }, "Copy");
  const panel = h("section", { class: "notice", "aria-labelledby": "key-shown" },
    h("h2", { id: "key-shown", tabindex: "-1" }, `Your new key “${details.name}”`),
    h("p", { id: "new-key-warning" }, "Store it now: it is shown only this once. Tradebook keeps only its hash."),
    h("div", { class: "secret" }, h("label", { for: "new-key-secret", class: "visually-hidden" }, "The key"), input, copy),
    h("p", {}, h("button", { type: "button", onclick: () => container.replaceChildren() }, "Done, I stored it")));
  replace(container, panel);
  panel.querySelector("h2").focus();
}

async function load(view, list) {
  const { keys } = await api.get("/api/keys", { signal: view.signal });
  const time = iso => iso ? h("time", { datetime: iso }, formatTime(iso)) : "—";
  replace(list, h("h2", { id: "keys-list", tabindex: "-1" }, "Your keys"), keys.length === 0 ? h("p", { class: "muted" }, "No keys yet.") : table("Active keys, newest first", [
    { label: "Name", cell: k => k.name },
    { label: "Key", cell: k => h("code", {}, `${k.prefix}…`) },
    { label: "Scopes", cell: k => Object.keys(SCOPES).filter(scope => k.scopes.includes(scope)).join(", ") },
    { label: "Bound strategy", cell: k => k.strategyActivationId ? h("code", {}, k.strategyActivationId) : "—" },
    { label: "Requests per minute", num: true, cell: k => k.rateLimitPerMinute ? formatDecimal(String(k.rateLimitPerMinute)) : "default" },
    { label: "Created", cell: k => time(k.createdAt) },
    { label: "Last used", cell: k => time(k.lastUsedAt) },
    { label: "Expires", cell: k => k.expiresAt ? time(k.expiresAt) : "never" },
    { label: "Actions", cell: k => h("button", { type: "button", class: "danger", "aria-label": `Revoke the key ${k.name}`, onclick: guarded(async () => {
      if (!(await confirmDialog(`Revoke the key “${k.name}”? Programs using it stop working at once.`, "Revoke"))) return;
      await api.del(`/api/keys/${encodeURIComponent(k.id)}`, { signal: view.signal });
      announce(`The key ${k.name} is revoked.`);
      await load(view, list);
      list.querySelector("h2").focus();
    }) }, "Revoke") },
  ], keys));
}
