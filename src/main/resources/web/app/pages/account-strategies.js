// The strategies activated on one account: status, budget, cash, equity and P&L; start, pause,
// stop (optionally closing its positions) and change the allocation or parameters. Status changes
// and fills arrive live.
import { append, h, replace, table, announce, guarded } from "../dom.js";
import * as api from "../api.js";
import { field, onSubmit } from "../forms.js";
import { accountTabs, debounce, loadAccount, money, payload, time } from "../trading.js";

export const title = "Strategies";

export async function render(view) {
  const { main, params } = view;
  const id = params.accountId;
  const base = `/api/accounts/${encodeURIComponent(id)}/strategies`;
  const [operations, account] = await Promise.all([api.availableOperations(), loadAccount(id, view.signal)]);
  const c = account.currency;
  document.title = `${title} · ${account.name} · Tradebook`;
  const list = h("section", { "aria-labelledby": "activations" });
  const editor = h("div");
  append(main, h("h1", {}, title), h("p", { class: "muted" }, account.name),
    accountTabs(id, `/accounts/${encodeURIComponent(id)}/strategies`, operations), editor, list,
    operations.has("GET /api/strategies") ? h("p", {}, h("a", { href: "/strategies" }, "Activate a strategy from the catalog")) : null);
  const performance = operations.has("GET /api/accounts/{accountId}/strategies/{activationId}/performance");

  async function load() {
    const { strategies } = await api.get(base, { signal: view.signal });
    const running = strategies.filter(a => a.strategy && a.strategy !== "manual");
    replace(list, h("h2", { id: "activations" }, "Activated strategies"), running.length === 0 ? h("p", { class: "muted" }, "No strategy is activated on this account.") :
      table("Strategies on this account", [
        { label: "Name", cell: a => performance ? h("a", { href: `/accounts/${encodeURIComponent(id)}/strategies/${encodeURIComponent(a.id)}` }, a.name) : a.name },
        { label: "Strategy", cell: a => h("code", {}, a.strategy) },
        { label: "Status", cell: a => h("span", { class: `badge ${a.status === "ACTIVE" ? "ok" : a.status === "STOPPED" ? "off" : "work"}` }, a.status.toLowerCase()) },
        { label: "Symbols", cell: a => `${(a.symbols ?? []).join(", ")} · ${a.timeframe ?? ""}` },
        { label: "Allocation", num: true, cell: a => a.allocation ? money(a.allocation, c) : "shared pool" },
        { label: "Cash", num: true, cell: a => money(a.cash, c) },
        { label: "Equity", num: true, cell: a => money(a.equity, c) },
        { label: "P&L", num: true, cell: a => money(a.totalPnl, c, { signed: true }) },
        { label: "Parameters", cell: a => Object.entries(a.parameters ?? {}).map(([k, v]) => `${k} ${v}`).join(", ") || "defaults" },
        { label: "Activated", cell: a => time(a.activatedAt ?? a.createdAt) },
        { label: "Actions", cell: a => h("div", { class: "row" },
          a.status === "PAUSED" ? action(a, "start", "Start") : null,
          a.status === "ACTIVE" ? action(a, "pause", "Pause") : null,
          a.status !== "STOPPED" ? h("button", { type: "button", class: "secondary", "aria-label": `Change ${a.name}`, onclick: () => change(a) }, "Change") : null,
          a.status !== "STOPPED" ? h("button", { type: "button", class: "danger", "aria-label": `Stop ${a.name}`, onclick: () => stop(a) }, "Stop") : null) },
      ], running));
    list.querySelectorAll("tbody tr").forEach((tr, i) => { tr.dataset.status = running[i].status; tr.dataset.activation = running[i].id; });
  }

  function action(a, verb, label) {
    return h("button", { type: "button", "aria-label": `${label} ${a.name}`, onclick: guarded(async () => {
      const changed = await api.post(`${base}/${encodeURIComponent(a.id)}/${verb}`, undefined, { signal: view.signal });
      announce(`${changed.name} is ${changed.status.toLowerCase()}.`);
      await load();
    }) }, label);
  }

  function stop(a) {
    const form = onSubmit(h("form", { class: "card", "aria-labelledby": "stop-strategy" },
      h("h2", { id: "stop-strategy", tabindex: "-1" }, `Stop ${a.name} for good?`),
      h("p", {}, "A stopped strategy places no more orders and cannot be started again."),
      field({ name: "closePositions", label: "Also close its open positions with market orders", type: "checkbox" }),
      h("div", { class: "row" }, h("button", { type: "submit", class: "danger" }, "Stop it"),
        h("button", { type: "button", class: "secondary", onclick: () => editor.replaceChildren() }, "Keep it"))), async v => {
      const stopped = await api.post(`${base}/${encodeURIComponent(a.id)}/stop`, { closePositions: v.closePositions }, { signal: view.signal });
      editor.replaceChildren();
      announce(`${stopped.name} is stopped.`);
      await load();
    });
    replace(editor, form);
    form.querySelector("h2").focus();
  }

  function change(a) {
    const names = Object.keys(a.parameters ?? {});
    const form = onSubmit(h("form", { class: "card", "aria-labelledby": "change-strategy" },
      h("h2", { id: "change-strategy", tabindex: "-1" }, `Change ${a.name}`),
      h("div", { class: "grid" },
        field({ name: "allocation", label: "Allocation", inputmode: "decimal", value: a.allocation ?? "", hint: "More moves cash from the shared pool; less gives it back." }),
        names.map(n => field({ name: `parameters.${n}`, label: n, value: a.parameters[n], inputmode: "decimal" }))),
      h("p", { class: "hint" }, "New parameters restart its runner: its indicators warm up again."),
      h("div", { class: "row" }, h("button", { type: "submit" }, "Save"),
        h("button", { type: "button", class: "secondary", onclick: () => editor.replaceChildren() }, "Cancel"))), async v => {
      const body = {};
      if ((v.allocation ?? "") !== (a.allocation ?? "") && v.allocation) body.allocation = v.allocation;
      const parameters = {};
      for (const n of names) if (v[`parameters.${n}`] !== undefined && v[`parameters.${n}`] !== a.parameters[n]) parameters[n] = v[`parameters.${n}`];
      if (Object.keys(parameters).length) body.parameters = parameters;
      if (Object.keys(body).length === 0) {
        announce("Nothing changed.");
        return;
      }
      await api.patch(`${base}/${encodeURIComponent(a.id)}`, body, { signal: view.signal });
      editor.replaceChildren();
      announce(`${a.name} is changed.`);
      await load();
    });
    replace(editor, form);
    form.querySelector("h2").focus();
  }

  await load();
  const reload = debounce(() => load().catch(() => {}), 250);
  const live = view.live();
  for (const type of ["strategy", "fill", "resync"]) live.on(type, e => { if (type === "resync" || (payload(e).accountId ?? id) === id) reload(); }, { signal: view.signal });
  live.on("price", reload, { signal: view.signal });
}
