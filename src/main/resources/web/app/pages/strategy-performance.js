// One strategy's performance in an account: its figures, equity and drawdown charts, round trips,
// fills, and a price chart per symbol with the strategy's fills marked (candlesticks of the stored
// daily bars when there are some, else the fill prices themselves).
import { append, h, replace, table } from "../dom.js";
import * as api from "../api.js";
import { candlestickChart, drawdownChart, fillsChart, lineChart } from "../charts.js";
import { accountTabs, decimal, loadAccount, metricsTable, money, roundTripColumns, time } from "../trading.js";

export const title = "Strategy performance";

export async function render(view) {
  const { main, params } = view;
  const { accountId, activationId } = params;
  const path = `/api/accounts/${encodeURIComponent(accountId)}/strategies/${encodeURIComponent(activationId)}`;
  const [operations, account, perf] = await Promise.all([api.availableOperations(), loadAccount(accountId, view.signal),
    api.get(`${path}/performance`, { signal: view.signal })]);
  const c = account.currency;
  document.title = `${perf.name} · ${account.name} · Tradebook`;
  const mounted = [];
  view.signal.addEventListener("abort", () => mounted.forEach(m => m.destroy()), { once: true });
  const equity = h("div");
  const drawdown = h("div");
  const prices = h("section", { "aria-labelledby": "price-charts" });
  append(main, h("h1", {}, `${perf.name}: performance`), h("p", { class: "muted" }, account.name),
    accountTabs(accountId, `/accounts/${encodeURIComponent(accountId)}/strategies`, operations),
    h("div", { class: "cards" },
      h("div", { class: "card stat" }, h("span", { class: "muted" }, "Equity"), h("strong", { class: "num", "data-stat": "equity" }, money(perf.equity, c))),
      h("div", { class: "card stat" }, h("span", { class: "muted" }, "Capital"), h("strong", { class: "num" }, money(perf.capital, c))),
      h("div", { class: "card stat" }, h("span", { class: "muted" }, "Round trips"), h("strong", { class: "num" }, decimal(String(perf.roundTrips.length))))),
    h("h2", {}, "Equity"), perf.equityCurve.length > 1 ? equity : h("p", { class: "muted" }, "One point so far: the curve grows with the strategy's history."),
    h("h2", {}, "Drawdown"), perf.drawdown.length > 1 ? drawdown : h("p", { class: "muted" }, "No drawdown history yet."),
    h("h2", {}, "Figures"), metricsTable("Over the strategy's whole history", perf.metrics),
    prices,
    h("h2", {}, "Round trips"), perf.roundTrips.length === 0 ? h("p", { class: "muted" }, "No finished round trips.") : table("Round trips", [
      ...roundTripColumns(c),
      { label: "Fees", num: true, cell: t => money(t.fees, c) },
    ], perf.roundTrips),
    h("h2", {}, "Fills"), perf.fills.length === 0 ? h("p", { class: "muted" }, "No fills yet.") : table("The strategy's fills, newest first", [
      { label: "Executed", cell: f => time(f.executedAt) },
      { label: "Symbol", cell: f => f.symbol },
      { label: "Side", cell: f => f.side.toLowerCase() },
      { label: "Quantity", num: true, cell: f => decimal(f.quantity) },
      { label: "Price", num: true, cell: f => money(f.price, c) },
      { label: "Fee", num: true, cell: f => money(f.fee, c) },
    ], perf.fills));
  if (perf.equityCurve.length > 1) {
    mounted.push(lineChart(equity, { series: [{ label: perf.name, points: perf.equityCurve.map(p => ({ time: p.time, value: p.equity })) }], currency: c }));
  }
  if (perf.drawdown.length > 1) {
    mounted.push(drawdownChart(drawdown, { points: perf.drawdown.map(p => ({ time: p.time, value: -Math.abs(Number(p.drawdown)) })) }));
  }
  // one price chart per symbol the strategy traded, its fills marked
  const symbols = [...new Set(perf.fills.map(f => f.symbol))];
  if (symbols.length) {
    append(prices, h("h2", { id: "price-charts" }, "Prices and fills"));
    for (const symbol of symbols) {
      const fills = perf.fills.filter(f => f.symbol === symbol).map(f => ({ time: f.executedAt, price: f.price, side: f.side }));
      const box = h("div", { "data-symbol": symbol });
      append(prices, h("h3", {}, symbol), box);
      const bars = await barsOf(symbol, fills, view.signal);
      mounted.push(bars.length ? candlestickChart(box, { bars, symbol, fills }) : fillsChart(box, { fills, symbol, currency: c }));
    }
  }
}

/** The stored daily bars of symbol around its fills, or [] when it has none. */
async function barsOf(symbol, fills, signal) {
  const { securities } = await api.get(`/api/securities?ticker=${encodeURIComponent(symbol)}`, { signal });
  if (!securities.length) return [];
  const first = fills.map(f => Date.parse(f.time)).reduce((a, b) => Math.min(a, b));
  const from = new Date(first - 90 * 86_400_000).toISOString();
  const { bars } = await api.get(`/api/securities/${encodeURIComponent(securities[0].id)}/bars?timeframe=1d&from=${encodeURIComponent(from)}&limit=1000`, { signal });
  return bars;
}
