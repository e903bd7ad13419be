// Pieces the trading pages share: the account's sub-navigation, money and return cells coloured by
// direction, times, and a debounced reload for live events.

import { h } from "./dom.js";
import { direction, formatDecimal, formatMoney, formatPercent, formatRounded, formatTime } from "./format.js";
import * as api from "./api.js";

/** The account's pages, as a secondary navigation; `current` is the path shown. */
export function accountTabs(accountId, current, operations) {
  const base = `/accounts/${encodeURIComponent(accountId)}`;
  const tabs = [
    [base, "Overview and holdings"],
    [`${base}/orders`, "Orders and fills"],
    [`${base}/risk`, "Risk rules"],
    ...(operations?.has("GET /api/accounts/{accountId}/strategies") ? [[`${base}/strategies`, "Strategies"]] : []),
  ];
  return h("nav", { class: "tabs", "aria-label": "This account" },
    h("ul", {}, tabs.map(([href, label]) => h("li", {}, h("a", { href, "aria-current": href === current ? "page" : null }, label)))));
}

/** An amount with its currency, or "—"; with signed, + on gains and coloured up or down. */
export function money(value, currency, { signed = false } = {}) {
  if (value === null || value === undefined) return "\u2014";
  return h("span", { class: signed ? direction(value) || null : null }, formatMoney(value, currency, { signed }));
}

/** A fraction as a percentage, coloured when signed. */
export function percent(value, { signed = false } = {}) {
  if (value === null || value === undefined) return "\u2014";
  return h("span", { class: signed ? direction(value) || null : null }, formatPercent(value, { signed }));
}

/** An exact decimal, or "—". */
export function decimal(value) {
  return value === null || value === undefined ? "\u2014" : formatDecimal(value);
}

/** A <time> in the user's zone, or "—". */
export function time(iso) {
  return iso ? h("time", { datetime: iso }, formatTime(iso)) : "\u2014";
}

/** An account, read once per page. */
export function loadAccount(accountId, signal) {
  return api.get(`/api/accounts/${encodeURIComponent(accountId)}`, { signal });
}

/**
 * Calls fn at most once per `wait` ms while events keep coming (the last call wins), so a burst
 * of live events causes one reload. Failures are announced by the caller's fn.
 */
export function debounce(fn, wait = 200) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}

/** The payload of a live event ({type, time, data}); older publishers sent the payload alone. */
export function payload(event) {
  return event && typeof event === "object" && "data" in event && event.data && typeof event.data === "object" ? event.data : event;
}

/** Statuses of an order that is still working (it can be cancelled). */
export const WORKING = new Set(["PENDING", "PLACED", "PARTIALLY_FILLED"]);

/** An order status as a badge. */
export function statusBadge(status) {
  const cls = status === "FILLED" ? "ok" : status === "REJECTED" ? "off" : WORKING.has(status) ? "work" : null;
  return h("span", { class: `badge ${cls ?? ""}`.trim() }, status.replace("_", " ").toLowerCase());
}

const METRIC_LABELS = {
  totalReturn: ["Total return", "percent"], cagr: ["Yearly growth (CAGR)", "percent"], volatility: ["Volatility (yearly)", "percent"],
  sharpe: ["Sharpe ratio", "ratio"], sortino: ["Sortino ratio", "ratio"], maxDrawdown: ["Largest drawdown", "percent"],
  calmar: ["Calmar ratio", "ratio"], winRate: ["Winning trades", "percent"], profitFactor: ["Profit factor", "ratio"],
  trades: ["Trades", "count"], exposure: ["Time in the market", "percent"],
};

/** The columns of a round trip (symbol, direction, entry and exit, size, prices, P&L) in currency {@code c}, for table(). */
export function roundTripColumns(c) {
  return [
    { label: "Symbol", cell: t => t.symbol },
    { label: "Direction", cell: t => t.direction.toLowerCase() },
    { label: "Entry", cell: t => time(t.entryTime) },
    { label: "Exit", cell: t => time(t.exitTime) },
    { label: "Size", num: true, cell: t => decimal(t.size) },
    { label: "Entry price", num: true, cell: t => money(t.entryPrice, c) },
    { label: "Exit price", num: true, cell: t => money(t.exitPrice, c) },
    { label: "P&L", num: true, cell: t => money(t.pnl, c, { signed: true }) },
  ];
}

/** A metric set ({totalReturn: "0.12", …, trades: 7}) as a table of label and value; undefined ones show "—". */
export function metricsTable(caption, metrics) {
  const rows = Object.entries(metrics ?? {});
  return h("table", { class: "metrics" }, h("caption", { class: "muted" }, caption),
    h("tbody", {}, rows.map(([name, value]) => {
      const [label, kind] = METRIC_LABELS[name] ?? [name, "ratio"];
      const shown = value === null || value === undefined ? "\u2014"
        : kind === "percent" ? percent(String(value), { signed: name === "totalReturn" || name === "cagr" })
          : kind === "count" ? formatDecimal(String(value)) : formatRounded(String(value), 2);
      return h("tr", { "data-metric": name }, h("th", { scope: "row" }, label), h("td", { class: "num" }, shown));
    })));
}
