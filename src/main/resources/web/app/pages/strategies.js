// The strategy catalog: what each strategy does, its risk, the least capital, and its parameters
// with their defaults and bounds; activating one on an account (allocation, symbols, timeframe,
// parameters), started at once or paused.
import { append, h, replace, announce } from "../dom.js";
import * as api from "../api.js";
import { field, onSubmit } from "../forms.js";
import { decimal, money } from "../trading.js";

export const title = "Strategies";

const TIMEFRAMES = ["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w"];

export async function render(view) {
  const { main } = view;
  const [{ strategies }, { accounts }] = await Promise.all([
    api.get("/api/strategies", { signal: view.signal }),
    api.get("/api/accounts", { signal: view.signal }),
  ]);
  const activator = h("div");
  append(main, h("h1", {}, title),
    h("p", { class: "muted" }, "Activate a strategy on one of your accounts: it then trades on the live feed (pushed prices and replayed bars) through the same order path as your own orders."),
    activator,
    strategies.length === 0 ? h("p", { class: "muted" }, "The catalog is empty.") :
      h("div", { class: "catalog" }, strategies.map(s => h("article", { class: "card strategy", "aria-labelledby": `strategy-${s.code}`, "data-code": s.code },
        h("h2", { id: `strategy-${s.code}` }, s.name, " ", h("code", { class: "muted" }, s.code)),
        h("p", {}, s.description),
        h("dl", { class: "facts" },
          h("dt", {}, "Category"), h("dd", {}, s.category.toLowerCase().replaceAll("_", " ")),
          h("dt", {}, "Risk"), h("dd", {}, h("span", { class: `badge risk-${s.riskLevel.toLowerCase()}` }, s.riskLevel.toLowerCase())),
          h("dt", {}, "Least capital"), h("dd", {}, s.minCapital ? decimal(s.minCapital) : "none"),
          h("dt", {}, "Timeframe"), h("dd", {}, s.timeframe ?? "—"),
          s.symbols?.length ? [h("dt", {}, "Symbols"), h("dd", {}, s.symbols.join(", "))] : null),
        s.parameters.length ? h("table", { class: "stack" },
          h("caption", { class: "muted" }, "Parameters"),
          h("thead", {}, h("tr", {}, ["Name", "Type", "Default", "Least", "Most", "What it does"].map((l, i) => h("th", { scope: "col", class: i >= 2 && i <= 4 ? "num" : null }, l)))),
          h("tbody", {}, s.parameters.map(p => h("tr", {},
            h("td", { "data-label": "Name" }, h("code", {}, p.name)), h("td", { "data-label": "Type" }, p.type),
            h("td", { "data-label": "Default", class: "num" }, p.default ?? "—"),
            h("td", { "data-label": "Least", class: "num" }, p.min ? decimal(p.min) : "—"),
            h("td", { "data-label": "Most", class: "num" }, p.max ? decimal(p.max) : "—"),
            h("td", { "data-label": "What it does" }, p.description ?? ""))))) : null,
        accounts.length ? h("button", { type: "button", "aria-label": `Activate ${s.name}`, onclick: () => activate(view, activator, s, accounts) }, "Activate")
          : h("p", { class: "hint" }, "Open an account to activate it.")))));
  const chosen = strategies.find(s => s.code === view.query.get("activate"));
  if (chosen && accounts.length) activate(view, activator, chosen, accounts);
}

/** The activation form of strategy s: parameters as fields with their bounds (the server judges them). */
function activate(view, container, s, accounts) {
  const form = onSubmit(h("form", { class: "card", "aria-labelledby": "activate" },
    h("h2", { id: "activate", tabindex: "-1" }, `Activate ${s.name}`),
    h("div", { class: "grid" },
      field({ name: "accountId", label: "Account", type: "select", required: true, value: accounts[0].id,
        options: accounts.map(a => ({ value: a.id, label: `${a.name} (${money(a.buyingPower, a.currency).textContent} buying power)` })) }),
      field({ name: "name", label: "Name on the account", required: true, value: s.code, hint: "Its book: orders and fills are attributed to it." }),
      field({ name: "allocation", label: "Allocation", inputmode: "decimal", hint: `A budget moved from the shared pool${s.minCapital ? `; at least ${s.minCapital}` : ""}. Empty: it draws on the shared pool.` }),
      field({ name: "symbols", label: "Symbols", value: (s.symbols ?? []).join(", "), required: !(s.symbols?.length), hint: "Separated by commas, such as AAPL, MSFT." }),
      field({ name: "timeframe", label: "Timeframe", type: "select", value: s.timeframe ?? "1d", options: TIMEFRAMES.map(t => ({ value: t, label: t })) })),
    s.parameters.length ? h("fieldset", { "data-field": "parameters" }, h("legend", {}, "Parameters"),
      h("div", { class: "grid" }, s.parameters.map(p => field({
        name: `parameters.${p.name}`, label: p.name, value: p.default ?? "", ...(p.type === "boolean"
          ? { type: "select", options: [{ value: "true", label: "yes" }, { value: "false", label: "no" }] }
          : { inputmode: p.type === "integer" ? "numeric" : "decimal" }),
        hint: [p.description, bounds(p)].filter(Boolean).join(" "),
      })))) : null,
    field({ name: "start", label: "Start it now", type: "checkbox", checked: true }),
    h("div", { class: "row" }, h("button", { type: "submit" }, "Activate"),
      h("button", { type: "button", class: "secondary", onclick: () => container.replaceChildren() }, "Cancel"))), async v => {
    const body = { strategy: s.code, name: v.name ?? "", start: v.start, timeframe: v.timeframe };
    if (v.allocation) body.allocation = v.allocation;
    if (v.symbols) body.symbols = v.symbols.split(",").map(x => x.trim()).filter(Boolean);
    const parameters = {};
    for (const p of s.parameters) {
      const value = v[`parameters.${p.name}`];
      if (value !== undefined && value !== (p.default ?? "")) parameters[p.name] = value;
    }
    if (Object.keys(parameters).length) body.parameters = parameters;
    const activation = await api.post(`/api/accounts/${encodeURIComponent(v.accountId)}/strategies`, body, { signal: view.signal });
    announce(`${activation.name} is ${activation.status.toLowerCase()}.`);
    view.navigate(`/accounts/${encodeURIComponent(v.accountId)}/strategies`);
  });
  replace(container, form);
  form.querySelector("h2").focus();
}

function bounds(p) {
  if (p.min && p.max) return `From ${p.min} to ${p.max}.`;
  if (p.min) return `At least ${p.min}.`;
  if (p.max) return `At most ${p.max}.`;
  return "";
}
