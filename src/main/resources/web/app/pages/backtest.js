// One backtest: its progress while it runs; once done, its figures (final equity, metrics for the
// run and per strategy), the equity curve, the round trips, and its HTML report (downloaded with
// the session's credentials, as the API requires them, and saved as a self-contained file).
import { append, h, replace, table, announce, guarded } from "../dom.js";
import * as api from "../api.js";
import * as session from "../session.js";
import { lineChart } from "../charts.js";
import { decimal, metricsTable, money, roundTripColumns, time } from "../trading.js";
import { progressCell } from "./backtests.js";

export const title = "Backtest";

export async function render(view) {
  const { main, params } = view;
  const id = params.backtestId;
  const status = h("div", { "aria-live": "polite" });
  const body = h("div");
  append(main, h("h1", {}, title), h("p", {}, h("a", { href: "/backtests" }, "All backtests")), status, body);
  let run = await api.get(`/api/backtests/${encodeURIComponent(id)}`, { signal: view.signal });
  while (!["DONE", "FAILED", "CANCELLED"].includes(run.status)) {
    replace(status, h("p", {}, progressCell(run)));
    await new Promise(resolve => setTimeout(resolve, 400));
    if (view.signal.aborted) return;
    run = await api.get(`/api/backtests/${encodeURIComponent(id)}`, { signal: view.signal });
  }
  replace(status, h("p", {}, progressCell(run), " ", run.finishedAt ? ["finished ", time(run.finishedAt)] : null));
  if (run.status !== "DONE") return;
  const result = await api.get(`/api/backtests/${encodeURIComponent(id)}/result`, { signal: view.signal });
  const c = result.run.currency;
  const names = result.strategies.map(s => s.name).join(", ");
  main.querySelector("h1").textContent = `Backtest: ${names} on ${result.run.symbols.map(s => s.symbol).join(", ")}`;
  const chart = h("div");
  append(body,
    h("div", { class: "row" },
      h("button", { type: "button", class: "report", onclick: guarded(() => downloadReport(id, names)) }, "Download the HTML report")),
    h("div", { class: "cards" },
      h("div", { class: "card stat" }, h("span", { class: "muted" }, "Final equity"), h("strong", { class: "num", "data-stat": "finalEquity" }, money(result.finalEquity, c))),
      h("div", { class: "card stat" }, h("span", { class: "muted" }, "Starting cash"), h("strong", { class: "num" }, money(result.run.cash, c))),
      h("div", { class: "card stat" }, h("span", { class: "muted" }, "Period"), h("strong", {}, `${result.run.start.slice(0, 10)} to ${result.run.end.slice(0, 10)}`)),
      h("div", { class: "card stat" }, h("span", { class: "muted" }, "Orders filled"), h("strong", { class: "num" }, decimal(String(result.orders.filled))))),
    h("h2", {}, "Equity"), chart,
    h("h2", {}, "Figures"), metricsTable("The whole run", result.metrics),
    result.strategies.length > 1 ? result.strategies.map(s => metricsTable(`Strategy ${s.name}`, s.metrics)) : null,
    h("h2", {}, "Round trips"), result.trades.length === 0 ? h("p", { class: "muted" }, "No finished round trips.") :
      table(`Round trips (${result.trades.length})`, [
        { label: "Strategy", cell: t => t.strategy },
        ...roundTripColumns(c),
      ], result.trades.slice(0, 200)));
  if (result.equityCurve.length) {
    const mounted = lineChart(chart, { series: [{ label: "Equity", points: result.equityCurve.map(p => ({ time: p.time, value: p.equity })) }], currency: c });
    view.signal.addEventListener("abort", () => mounted.destroy(), { once: true });
  }
}

/** Fetches the report with the session's token (a plain link could not send it) and saves it as a file. */
async function downloadReport(id, names) {
  const token = await session.accessToken();
  const response = await fetch(`/api/backtests/${encodeURIComponent(id)}/report`, { headers: { Authorization: `Bearer ${token}`, Accept: "text/html" } });
  if (!response.ok) throw new api.ApiProblem({ status: response.status, detail: `The report could not be read (${response.status}).` });
  const blob = new Blob([await response.text()], { type: "text/html" });
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: `backtest-${names.replace(/[^A-Za-z0-9_-]+/g, "-")}-${id.slice(0, 8)}.html`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  announce("The report is saved in your downloads: open it in the browser.");
}
