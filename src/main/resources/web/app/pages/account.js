// One account: what it is worth (cash, equity, buying power, day and total return), its strategy
// books, and its holdings per strategy and summed per symbol. Positions and prices update live.
import { append, h, replace, table } from "../dom.js";
import * as api from "../api.js";
import { accountTabs, debounce, decimal, loadAccount, metricsTable, money, payload, percent, time } from "../trading.js";
import { drawdownChart, lineChart } from "../charts.js";

export const title = "Account";

export async function render(view) {
  const { main, params } = view;
  const id = params.accountId;
  const operations = await api.availableOperations();
  const summary = h("section", { "aria-labelledby": "account-summary" });
  const holdings = h("section", { "aria-labelledby": "holdings" });
  const extra = h("div");
  const heading = h("h1", {}, title);
  append(main, heading, accountTabs(id, `/accounts/${encodeURIComponent(id)}`, operations), summary, holdings, extra);

  const showAll = h("input", { type: "checkbox", id: "show-closed" });
  const load = async () => {
    const [account, perStrategy, aggregated] = await Promise.all([
      loadAccount(id, view.signal),
      api.get(`/api/accounts/${encodeURIComponent(id)}/positions${showAll.checked ? "" : "?open=true"}`, { signal: view.signal }),
      api.get(`/api/accounts/${encodeURIComponent(id)}/positions/aggregated`, { signal: view.signal }),
    ]);
    heading.textContent = account.name;
    document.title = `${account.name} · Tradebook`;
    drawSummary(summary, account);
    drawHoldings(holdings, account, perStrategy.positions, aggregated.positions.filter(p => showAll.checked || p.side !== "FLAT"), showAll);
    return account;
  };
  showAll.addEventListener("change", () => load().catch(() => {}));
  await load();
  if (operations.has("GET /api/accounts/{accountId}/performance")) await drawPerformance(view, extra, id, operations);
  const reload = debounce(() => load().catch(() => {}), 250);
  const live = view.live();
  const mine = e => payload(e).accountId === undefined || payload(e).accountId === id;
  for (const type of ["position", "fill", "order"]) live.on(type, e => { if (mine(e)) reload(); }, { signal: view.signal });
  live.on("price", reload, { signal: view.signal });
  live.on("resync", reload, { signal: view.signal });
}

function drawSummary(section, a) {
  const c = a.currency;
  const fact = (label, value) => [h("dt", {}, label), h("dd", { class: "num" }, value)];
  replace(section, h("h2", { id: "account-summary", class: "visually-hidden" }, "Summary"),
    h("div", { class: "cards" },
      h("div", { class: "card stat" }, h("span", { class: "muted" }, "Equity"), h("strong", { class: "num", "data-stat": "equity" }, money(a.equity, c))),
      h("div", { class: "card stat" }, h("span", { class: "muted" }, "Cash"), h("strong", { class: "num", "data-stat": "cash" }, money(a.cash, c))),
      h("div", { class: "card stat" }, h("span", { class: "muted" }, "Buying power"), h("strong", { class: "num", "data-stat": "buyingPower" }, money(a.buyingPower, c))),
      h("div", { class: "card stat" }, h("span", { class: "muted" }, "Day"), h("strong", { class: "num", "data-stat": "day" }, money(a.dayPnl, c, { signed: true }), " ", percent(a.dayReturn, { signed: true }))),
      h("div", { class: "card stat" }, h("span", { class: "muted" }, "Total"), h("strong", { class: "num", "data-stat": "total" }, money(a.totalPnl, c, { signed: true }), " ", percent(a.totalReturn, { signed: true })))),
    h("details", { class: "card" }, h("summary", {}, "All figures"),
      h("dl", { class: "facts" },
        fact("Type", `${a.type} · ${a.broker} ${a.accountNumber ?? ""}`),
        fact("Currency", a.currency),
        fact("Market value", money(a.marketValue, c)),
        fact("Held for working orders", money(a.heldForOrders, c)),
        fact("Unrealized P&L", money(a.unrealizedPnl, c, { signed: true })),
        fact("Realized P&L (net of fees)", money(a.realizedPnl, c, { signed: true })),
        fact("Fees", money(a.fees, c)),
        fact("Net deposits", money(a.netDeposits, c)),
        fact("Equity at the day's start", money(a.dayStartEquity, c)),
        fact("The day started", time(a.dayStartedAt)),
        fact("Opened", time(a.createdAt)))),
    h("p", { class: "muted" }, "Strategy books: ", a.strategies.map((s, i) => [i ? ", " : "", h("span", {}, s.name),
      h("span", { class: "muted" }, ` (${s.status.toLowerCase()}${s.allocation ? `, budget ${money(s.allocation, c).textContent}` : ""})`)])));
}

function drawHoldings(section, account, positions, aggregated, showAll) {
  const c = account.currency;
  replace(section,
    h("div", { class: "row spread" }, h("h2", { id: "holdings" }, "Holdings"),
      h("label", { class: "check", for: "show-closed" }, showAll, "Show closed positions")),
    h("h3", { id: "by-strategy" }, "By strategy"),
    positions.length === 0 ? h("p", { class: "muted" }, "No positions.") : table("Each strategy's position in each symbol", [
      { label: "Strategy", cell: p => p.strategy },
      { label: "Symbol", cell: p => h("strong", {}, p.symbol) },
      { label: "Side", cell: p => h("span", { class: `badge side-${p.side.toLowerCase()}` }, p.side.toLowerCase()) },
      { label: "Quantity", num: true, cell: p => decimal(p.quantity) },
      { label: "Average price", num: true, cell: p => money(p.averagePrice, c) },
      { label: "Market price", num: true, cell: p => money(p.marketPrice, c) },
      { label: "Market value", num: true, cell: p => money(p.marketValue, c) },
      { label: "Unrealized P&L", num: true, cell: p => money(p.unrealizedPnl, c, { signed: true }) },
      { label: "Realized P&L", num: true, cell: p => money(p.realizedPnl, c, { signed: true }) },
      { label: "Round trips", num: true, cell: p => decimal(String(p.roundTrips)) },
    ], positions),
    h("h3", { id: "aggregated" }, "All strategies together"),
    aggregated.length === 0 ? h("p", { class: "muted" }, "No positions.") : table("Each symbol summed over the strategies", [
      { label: "Symbol", cell: p => h("strong", {}, p.symbol) },
      { label: "Net side", cell: p => h("span", { class: `badge side-${p.side.toLowerCase()}` }, p.side.toLowerCase()) },
      { label: "Net quantity", num: true, cell: p => decimal(p.quantity) },
      { label: "Long", num: true, cell: p => decimal(p.longQuantity) },
      { label: "Short", num: true, cell: p => decimal(p.shortQuantity) },
      { label: "Average price", num: true, cell: p => money(p.averagePrice, c) },
      { label: "Market price", num: true, cell: p => money(p.marketPrice, c) },
      { label: "Market value", num: true, cell: p => money(p.marketValue, c) },
      { label: "Unrealized P&L", num: true, cell: p => money(p.unrealizedPnl, c, { signed: true }) },
      { label: "Realized P&L", num: true, cell: p => money(p.realizedPnl, c, { signed: true }) },
      { label: "Strategies", cell: p => p.strategies.join(", ") },
    ], aggregated));
}

/** The account's equity curve and drawdown from its books' history, its metrics, and each strategy's line. */
async function drawPerformance(view, section, id, operations) {
  const perf = await api.get(`/api/accounts/${encodeURIComponent(id)}/performance`, { signal: view.signal });
  const c = perf.currency;
  const equity = h("div");
  const drawdown = h("div");
  const linked = operations.has("GET /api/accounts/{accountId}/strategies/{activationId}/performance");
  replace(section, h("h2", { id: "performance" }, "Equity curve"),
    perf.equityCurve.length > 1 ? equity : h("p", { class: "muted" }, "The curve starts with the account's first movements; there is no history yet."),
    perf.drawdown.length > 1 ? [h("h3", {}, "Drawdown"), drawdown] : null,
    h("div", { class: "row top" }, metricsTable("The account over its whole history", perf.metrics)),
    perf.strategies.length ? table("Performance of each strategy", [
      { label: "Strategy", cell: s => linked && s.activationId ? h("a", { href: `/accounts/${encodeURIComponent(id)}/strategies/${encodeURIComponent(s.activationId)}` }, s.name) : s.name },
      { label: "Capital", num: true, cell: s => money(s.capital, c) },
      { label: "Equity", num: true, cell: s => money(s.equity, c) },
      { label: "Total return", num: true, cell: s => percent(s.metrics?.totalReturn, { signed: true }) },
      { label: "Largest drawdown", num: true, cell: s => percent(s.metrics?.maxDrawdown) },
      { label: "Trades", num: true, cell: s => decimal(s.metrics?.trades === undefined ? null : String(s.metrics.trades)) },
    ], perf.strategies) : null);
  const mounted = [];
  if (perf.equityCurve.length > 1) mounted.push(lineChart(equity, { series: [{ label: "Equity", points: perf.equityCurve.map(p => ({ time: p.time, value: p.equity })) }], currency: c }));
  if (perf.drawdown.length > 1) mounted.push(drawdownChart(drawdown, { points: perf.drawdown.map(p => ({ time: p.time, value: -Math.abs(Number(p.drawdown)) })) }));
  view.signal.addEventListener("abort", () => mounted.forEach(m => m.destroy()), { once: true });
}
