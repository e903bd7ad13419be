// Backtests: a form to run strategies of the catalog over stored bars (symbols, period, cash,
// costs, parameters with their bounds), and the list of runs with their progress while they run.
import { append, h, replace, table, announce, guarded } from "../dom.js";
import * as api from "../api.js";
import { field, onSubmit } from "../forms.js";
import { decimal, money, percent, time } from "../trading.js";

export const title = "Backtests";

const FINISHED = new Set(["DONE", "FAILED", "CANCELLED"]);

export async function render(view) {
  const { main } = view;
  const { strategies } = await api.get("/api/strategies", { signal: view.signal });
  const list = h("section", { "aria-labelledby": "runs" });
  const parameters = h("div");
  const strategySelect = field({ name: "strategy", label: "Strategy", type: "select", required: true, value: strategies[0]?.code,
    options: strategies.map(s => ({ value: s.code, label: s.name })) });
  const form = onSubmit(h("form", { class: "card", "aria-labelledby": "new-backtest" },
    h("h2", { id: "new-backtest" }, "Run a backtest"),
    h("p", { class: "hint" }, "Runs over the bars stored on the server (see Market), through the same order path as live trading, in the background."),
    h("div", { class: "grid" },
      strategySelect,
      field({ name: "symbols", label: "Symbols", required: true, hint: "Separated by commas; each needs stored bars of the timeframe." }),
      field({ name: "timeframe", label: "Timeframe", type: "select", value: "1d", options: ["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w"].map(t => ({ value: t, label: t })) }),
      field({ name: "from", label: "From", placeholder: "2015-01-02", hint: "A date such as 2015-01-02; empty: the first bar." }),
      field({ name: "to", label: "To", placeholder: "2019-12-31", hint: "Empty: the last bar." }),
      field({ name: "cash", label: "Starting cash", required: true, value: "100000", inputmode: "decimal" }),
      field({ name: "accountType", label: "Account type", type: "select", value: "CASH", options: [{ value: "CASH", label: "Cash" }, { value: "MARGIN", label: "Margin" }] }),
      field({ name: "commissionBps", label: "Commission (basis points)", inputmode: "decimal" }),
      field({ name: "commissionPerOrder", label: "Commission per order", inputmode: "decimal" }),
      field({ name: "slippageBps", label: "Slippage (basis points)", inputmode: "decimal" })),
    parameters,
    h("button", { type: "submit" }, "Run the backtest")), async (v, formElement) => {
    const s = strategies.find(x => x.code === v.strategy);
    const chosen = {};
    for (const p of s?.parameters ?? []) {
      const value = v[`strategies[0].parameters.${p.name}`];
      if (value !== undefined && value !== (p.default ?? "")) chosen[p.name] = value;
    }
    const body = { strategies: [{ strategy: v.strategy, ...(Object.keys(chosen).length ? { parameters: chosen } : {}) }],
      symbols: (v.symbols ?? "").split(",").map(x => x.trim()).filter(Boolean), timeframe: v.timeframe, cash: v.cash ?? "" };
    for (const name of ["from", "to", "accountType", "commissionBps", "commissionPerOrder", "slippageBps"]) if (v[name]) body[name] = v[name];
    const run = await api.post("/api/backtests", body, { signal: view.signal });
    announce("The backtest is queued.");
    formElement.querySelector("[name=symbols]").focus();
    await load();
    follow(run.id);
  });
  const drawParameters = () => {
    const s = strategies.find(x => x.code === form.elements.strategy.value);
    replace(parameters, s?.parameters.length ? h("fieldset", { "data-field": "strategies" }, h("legend", {}, `Parameters of ${s.name}`),
      h("div", { class: "grid" }, s.parameters.map(p => field({ name: `strategies[0].parameters.${p.name}`, label: p.name, value: p.default ?? "",
        ...(p.type === "boolean" ? { type: "select", options: [{ value: "true", label: "yes" }, { value: "false", label: "no" }] }
          : { inputmode: p.type === "integer" ? "numeric" : "decimal" }), hint: [p.description, p.min && p.max ? `From ${p.min} to ${p.max}.` : p.min ? `At least ${p.min}.` : ""].filter(Boolean).join(" ") })))) : null);
  };
  form.elements.strategy.addEventListener("change", drawParameters);
  drawParameters();
  append(main, h("h1", {}, title), form, list);

  let runs = [];
  async function load() {
    runs = (await api.get("/api/backtests?limit=50", { signal: view.signal })).backtests;
    replace(list, h("h2", { id: "runs" }, "Your backtests"), runs.length === 0 ? h("p", { class: "muted" }, "No backtests yet.") :
      table("Backtests, newest first", [
        { label: "Submitted", cell: r => time(r.createdAt) },
        { label: "Strategies", cell: r => h("a", { href: `/backtests/${encodeURIComponent(r.id)}` }, (r.request?.strategies ?? []).map(s => s.name ?? s.strategy).join(", ") || "backtest") },
        { label: "Symbols", cell: r => (r.request?.symbols ?? []).join(", ") },
        { label: "Status", cell: r => progressCell(r) },
        { label: "Final equity", num: true, cell: r => r.summary?.finalEquity ? (r.summary.currency ? money(r.summary.finalEquity, r.summary.currency) : decimal(r.summary.finalEquity)) : "\u2014" },
        { label: "Total return", num: true, cell: r => r.summary?.metrics ? percent(r.summary.metrics.totalReturn, { signed: true }) : "\u2014" },
        { label: "Actions", cell: r => FINISHED.has(r.status) ? "" : h("button", { type: "button", class: "danger", "aria-label": "Cancel the backtest", onclick: guarded(async () => {
          await api.del(`/api/backtests/${encodeURIComponent(r.id)}`, { signal: view.signal });
          announce("The backtest is cancelled.");
          await load();
        }) }, "Cancel") },
      ], runs));
    list.querySelectorAll("tbody tr").forEach((tr, i) => { tr.dataset.status = runs[i].status; tr.dataset.backtest = runs[i].id; });
  }

  /** Polls a run until it finishes (there is no live event for backtests), redrawing its progress. */
  async function follow(id) {
    while (!view.signal.aborted) {
      await new Promise(resolve => setTimeout(resolve, 400));
      if (view.signal.aborted) return;
      const run = await api.get(`/api/backtests/${encodeURIComponent(id)}`, { signal: view.signal }).catch(() => null);
      if (!run) return;
      const row = list.querySelector(`tr[data-backtest="${CSS.escape(id)}"]`);
      if (row && !FINISHED.has(run.status)) {
        replace(row.querySelector("td[data-label=Status]"), progressCell(run));
        row.dataset.status = run.status;
      }
      if (FINISHED.has(run.status)) {
        announce(`The backtest is ${run.status.toLowerCase()}.`);
        await load();
        return;
      }
    }
  }

  await load();
  for (const r of runs) if (!FINISHED.has(r.status)) follow(r.id).catch(() => {});
}

/** A run's status, with a progress bar while it runs. */
export function progressCell(r) {
  const pct = Math.round(Number(r.progress ?? 0) * 100);
  return [h("span", { class: `badge ${r.status === "DONE" ? "ok" : r.status === "FAILED" || r.status === "CANCELLED" ? "off" : "work"}` }, r.status.toLowerCase()),
    FINISHED.has(r.status) ? null : [" ", h("progress", { max: "100", value: String(pct), "aria-label": `Progress ${pct}%` }), ` ${pct}%`],
    r.error ? h("span", { class: "hint" }, ` ${r.error}`) : null];
}
