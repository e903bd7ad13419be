// Risk rules of one account: each rule with its limit, what it last observed and whether it is
// violated; add, change and remove rules; the orders the rules refused (risk events).
import { append, h, replace, table, announce, confirmDialog, guarded } from "../dom.js";
import * as api from "../api.js";
import { field, onSubmit } from "../forms.js";
import { accountTabs, debounce, loadAccount, money, payload, percent, decimal, time } from "../trading.js";

export const title = "Risk rules";

const TYPES = {
  MAX_POSITION_SIZE: { label: "Largest position", units: ["QUANTITY", "NOTIONAL"] },
  MAX_OPEN_POSITIONS: { label: "Open positions at once", units: ["COUNT"] },
  MAX_DAILY_LOSS: { label: "Loss in a day", units: ["AMOUNT", "FRACTION"] },
  MAX_DRAWDOWN: { label: "Drawdown from the peak", units: ["FRACTION"] },
  MAX_ORDERS_PER_DAY: { label: "Orders per day", units: ["COUNT"] },
  MIN_CAPITAL_THRESHOLD: { label: "Least equity", units: ["AMOUNT"] },
};
const UNITS = { QUANTITY: "units", NOTIONAL: "value", AMOUNT: "money", FRACTION: "fraction (0.05 = 5%)", COUNT: "count" };

/** A rule's figure read in its unit. */
function inUnit(value, unit, currency) {
  if (value === null || value === undefined) return "\u2014";
  if (unit === "AMOUNT" || unit === "NOTIONAL") return money(value, currency);
  if (unit === "FRACTION") return percent(value);
  return decimal(value);
}

export async function render(view) {
  const { main, params } = view;
  const id = params.accountId;
  const base = `/api/accounts/${encodeURIComponent(id)}`;
  const [operations, account] = await Promise.all([api.availableOperations(), loadAccount(id, view.signal)]);
  const c = account.currency;
  document.title = `${title} · ${account.name} · Tradebook`;
  const rules = h("section", { "aria-labelledby": "rules" });
  const events = h("section", { "aria-labelledby": "risk-events" });
  const form = onSubmit(h("form", { class: "card", "aria-labelledby": "new-rule" },
    h("h2", { id: "new-rule" }, "Add a rule"),
    h("div", { class: "grid" },
      field({ name: "type", label: "Rule", type: "select", required: true, value: "MAX_POSITION_SIZE",
        options: Object.entries(TYPES).map(([value, t]) => ({ value, label: t.label })) }),
      field({ name: "value", label: "Limit", required: true, inputmode: "decimal", hint: "In the unit below; a fraction is written 0.05 for 5%." }),
      field({ name: "unit", label: "Unit", type: "select", value: "", options: [{ value: "", label: "The rule's first unit" },
        ...Object.entries(UNITS).map(([value, label]) => ({ value, label }))] }),
      field({ name: "strategy", label: "Strategy", type: "select", value: "", options: [{ value: "", label: "The whole account" },
        ...account.strategies.map(s => ({ value: s.name, label: s.name }))] }),
      field({ name: "symbol", label: "Symbol", hint: "Largest position only: watch one symbol." })),
    h("button", { type: "submit" }, "Add the rule")), async (v, formElement) => {
    const body = { type: v.type, value: v.value ?? "" };
    for (const name of ["unit", "strategy", "symbol"]) if (v[name]) body[name] = v[name];
    await api.post(`${base}/risk-rules`, body, { signal: view.signal });
    formElement.reset();
    announce("The rule is in force.");
    await load();
  });
  append(main, h("h1", {}, title), h("p", { class: "muted" }, account.name), accountTabs(id, `/accounts/${encodeURIComponent(id)}/risk`, operations),
    rules, form, events);

  async function load() {
    const [{ rules: list }, { events: refused }] = await Promise.all([
      api.get(`${base}/risk-rules`, { signal: view.signal }),
      api.get(`${base}/risk-events?limit=100`, { signal: view.signal }),
    ]);
    replace(rules, h("h2", { id: "rules" }, "Rules in force"), list.length === 0 ? h("p", { class: "muted" }, "No rules: only buying power limits orders.") :
      table("Risk rules, with what each observed on its last check", [
        { label: "Rule", cell: r => TYPES[r.type]?.label ?? r.type },
        { label: "Applies to", cell: r => [r.strategy ? `strategy ${r.strategy}` : "whole account", r.symbol ? `, ${r.symbol}` : ""].join("") },
        { label: "Limit", num: true, cell: r => inUnit(r.value, r.unit, c) },
        { label: "Current value", num: true, cell: r => inUnit(r.currentValue, r.unit, c) },
        { label: "State", cell: r => h("span", { class: `badge ${r.violated ? "off" : "ok"}` }, r.violated ? "violated" : "within") },
        { label: "Last check", cell: r => r.message ?? h("span", { class: "muted" }, "not checked yet") },
        { label: "Actions", cell: r => h("div", { class: "row" },
          h("button", { type: "button", class: "secondary", "aria-label": `Change the limit of ${TYPES[r.type]?.label ?? r.type}`, onclick: guarded(() => change(r)) }, "Change"),
          h("button", { type: "button", class: "danger", "aria-label": `Remove ${TYPES[r.type]?.label ?? r.type}`, onclick: guarded(async () => {
            if (!(await confirmDialog(`Remove the rule “${TYPES[r.type]?.label ?? r.type}”?`, "Remove"))) return;
            await api.del(`${base}/risk-rules/${encodeURIComponent(r.id)}`, { signal: view.signal });
            announce("The rule is removed.");
            await load();
          }) }, "Remove")) },
      ], list));
    rules.querySelectorAll("tbody tr").forEach((tr, i) => { tr.dataset.violated = String(list[i].violated); });
    replace(events, h("h2", { id: "risk-events" }, "Orders the rules refused"), refused.length === 0 ? h("p", { class: "muted" }, "None.") :
      table("Risk events, newest first", [
        { label: "When", cell: e => time(e.occurredAt) },
        { label: "Rule", cell: e => TYPES[e.ruleType]?.label ?? e.ruleType },
        { label: "Limit", num: true, cell: e => decimal(e.ruleValue) },
        { label: "Observed", num: true, cell: e => decimal(e.observedValue) },
        { label: "What happened", cell: e => e.message },
      ], refused));
  }

  /** A small inline form to change one rule's limit. */
  function change(rule) {
    const editor = onSubmit(h("form", { class: "card", "aria-labelledby": "change-rule" },
      h("h2", { id: "change-rule", tabindex: "-1" }, `Change “${TYPES[rule.type]?.label ?? rule.type}”`),
      field({ name: "value", label: "New limit", required: true, inputmode: "decimal", value: rule.value }),
      h("div", { class: "row" }, h("button", { type: "submit" }, "Save"),
        h("button", { type: "button", class: "secondary", onclick: () => editor.remove() }, "Cancel"))), async v => {
      await api.patch(`${base}/risk-rules/${encodeURIComponent(rule.id)}`, { value: v.value ?? "" }, { signal: view.signal });
      editor.remove();
      announce("The limit is changed.");
      await load();
    });
    rules.append(editor);
    editor.querySelector("h2").focus();
  }

  await load();
  const reload = debounce(() => load().catch(() => {}), 300);
  const live = view.live();
  live.on("order", e => { if (payload(e).accountId === id && payload(e).rejectReason === "RISK_RULE") reload(); }, { signal: view.signal });
  live.on("fill", e => { if (payload(e).accountId === id) reload(); }, { signal: view.signal });
  live.on("resync", reload, { signal: view.signal });
}
