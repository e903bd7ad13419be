// Broker connections: connect an account, change it, delete it. Credentials are write-only: the
// server never returns them, only whether each one is stored; a blank credential field keeps the
// stored value, and "delete" sends null.
import { append, h, replace, table, announce, confirmDialog, guarded } from "../dom.js";
import * as api from "../api.js";
import { field, onSubmit } from "../forms.js";
import { formatTime } from "../format.js";

export const title = "Broker connections";

// the brokers the server accepts (io.tradebook.security.BrokerConnections.BROKERS); only paper connects today
const BROKERS = [
  ["paper", "Paper (simulated)"], ["alpaca", "Alpaca"], ["ibkr", "Interactive Brokers"], ["swissquote", "Swissquote"],
  ["tradier", "Tradier"], ["tradelocker", "TradeLocker"], ["angel_one", "Angel One"], ["manual", "Manual"],
];
const CREDENTIALS = [["apiKey", "API key"], ["apiSecret", "API secret"], ["accessToken", "Access token"]];
const PATH = "/api/broker-connections";

export async function render(view) {
  const { main } = view;
  const list = h("section", { "aria-labelledby": "connections-list" });
  const editor = h("div");
  const create = onSubmit(h("form", { class: "card", "aria-labelledby": "new-connection" },
    h("h2", { id: "new-connection" }, "Connect a broker account"),
    field({ name: "broker", label: "Broker", type: "select", required: true, value: "paper", options: BROKERS.map(([value, label]) => ({ value, label })),
      hint: "Only the paper broker connects today; the others are kept, marked not connected, until their adapter exists." }),
    field({ name: "accountNumber", label: "Account number", hint: "Generated for a paper account when left empty." }),
    field({ name: "server", label: "Server", hint: "For brokers with several servers (demo, live)." }),
    CREDENTIALS.map(([name, label]) => field({ name, label, type: "password", autocomplete: "new-password", hint: "Stored encrypted; never shown again." })),
    field({ name: "canRead", label: "Tradebook may read this account", type: "checkbox", checked: true }),
    field({ name: "canTrade", label: "Tradebook may trade in this account", type: "checkbox", checked: false }),
    h("button", { type: "submit" }, "Connect")), async (v, form) => {
    const body = { broker: v.broker, canRead: v.canRead, canTrade: v.canTrade };
    for (const name of ["accountNumber", "server", ...CREDENTIALS.map(([n]) => n)]) if (v[name]) body[name] = v[name];
    const connection = await api.post(PATH, body, { signal: view.signal });
    form.reset();
    announce(`Connected ${label(connection)}.`);
    await load(view, list, editor);
  });
  append(main, h("h1", {}, title), editor, create, list);
  await load(view, list, editor);
}

function label(c) {
  return `${BROKERS.find(([b]) => b === c.broker)?.[1] ?? c.broker} ${c.accountNumber ?? ""}`.trim();
}

async function load(view, list, editor) {
  const { connections } = await api.get(PATH, { signal: view.signal });
  const time = iso => iso ? h("time", { datetime: iso }, formatTime(iso)) : "—";
  replace(list, h("h2", { id: "connections-list", tabindex: "-1" }, "Your connections"), connections.length === 0
    ? h("p", { class: "muted" }, "No broker connections yet.")
    : table("Active connections, oldest first", [
      { label: "Broker", cell: c => BROKERS.find(([b]) => b === c.broker)?.[1] ?? c.broker },
      { label: "Account", cell: c => c.accountNumber ?? "—" },
      { label: "Status", cell: c => [h("span", { class: `badge ${c.connected ? "ok" : "off"}` }, c.connected ? "connected" : "not connected"),
        c.statusMessage ? h("span", { class: "hint" }, ` ${c.statusMessage}`) : null] },
      { label: "Access", cell: c => [c.canRead ? "read" : null, c.canTrade ? "trade" : null].filter(Boolean).join(", ") || "none" },
      { label: "Stored credentials", cell: c => CREDENTIALS.filter(([n]) => c.credentials[n]).map(([, l]) => l).join(", ") || "none" },
      { label: "Last connected", cell: c => time(c.lastConnectedAt) },
      { label: "Actions", cell: c => h("div", { class: "row" },
        h("button", { type: "button", class: "secondary", "aria-label": `Edit ${label(c)}`, onclick: () => edit(view, c, list, editor) }, "Edit"),
        h("button", { type: "button", class: "danger", "aria-label": `Delete ${label(c)}`, onclick: guarded(async () => {
          if (!(await confirmDialog(`Delete the connection to ${label(c)}? Its stored credentials are wiped.`, "Delete"))) return;
          await api.del(`${PATH}/${encodeURIComponent(c.id)}`, { signal: view.signal });
          announce(`Deleted ${label(c)}.`);
          editor.replaceChildren();
          await load(view, list, editor);
          list.querySelector("h2").focus();
        }) }, "Delete")) },
    ], connections));
}

/** The edit form of one connection: only what changed is sent (PATCH). */
function edit(view, c, list, editor) {
  const form = onSubmit(h("form", { class: "card", "aria-labelledby": "edit-connection" },
    h("h2", { id: "edit-connection", tabindex: "-1" }, `Change ${label(c)}`),
    field({ name: "accountNumber", label: "Account number", value: c.accountNumber ?? "" }),
    field({ name: "server", label: "Server", value: c.server ?? "" }),
    CREDENTIALS.map(([name, text]) => [
      field({ name, label: `New ${text.toLowerCase()}`, type: "password", autocomplete: "new-password",
        hint: c.credentials[name] ? "One is stored. Leave empty to keep it." : "None is stored." }),
      c.credentials[name] ? field({ name: `delete-${name}`, label: `Delete the stored ${text.toLowerCase()}`, type: "checkbox" }) : null,
    ]),
    field({ name: "canRead", label: "Tradebook may read this account", type: "checkbox", checked: c.canRead }),
    field({ name: "canTrade", label: "Tradebook may trade in this account", type: "checkbox", checked: c.canTrade }),
    h("div", { class: "row" }, h("button", { type: "submit" }, "Save the changes"),
      h("button", { type: "button", class: "secondary", onclick: () => editor.replaceChildren() }, "Cancel"))), async v => {
    const change = {};
    for (const name of ["accountNumber", "server"]) {
      if ((v[name] ?? "") !== (c[name] ?? "")) change[name] = v[name] ?? null;
    }
    for (const [name] of CREDENTIALS) {
      if (v[`delete-${name}`]) change[name] = null;
      else if (v[name]) change[name] = v[name];
    }
    for (const name of ["canRead", "canTrade"]) if (v[name] !== c[name]) change[name] = v[name];
    if (Object.keys(change).length === 0) {
      announce("Nothing changed.");
      return;
    }
    const changed = await api.patch(`${PATH}/${encodeURIComponent(c.id)}`, change, { signal: view.signal });
    editor.replaceChildren();
    announce(`Saved ${label(changed)}.`);
    await load(view, list, editor);
    list.querySelector("h2").focus();
  });
  replace(editor, form);
  form.querySelector("h2").focus();
}
