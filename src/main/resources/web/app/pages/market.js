// Market: the latest price of every symbol (updated live), the security master, and a candlestick
// chart of a security's stored bars. Administrators (who have the market-data scope) can push a price.
import { append, h, replace, table, announce, guarded } from "../dom.js";
import * as api from "../api.js";
import { field, onSubmit } from "../forms.js";
import { candlestickChart } from "../charts.js";
import { debounce, decimal, money, payload, time } from "../trading.js";

export const title = "Market";

export async function render(view) {
  const { main, me, query } = view;
  const prices = h("section", { "aria-labelledby": "prices" });
  const securities = h("section", { "aria-labelledby": "securities" });
  const chart = h("section", { "aria-labelledby": "bars" });
  append(main, h("h1", {}, title), prices);
  if (me?.user?.role === "ADMIN") {
    append(main, onSubmit(h("form", { class: "card", "aria-labelledby": "push-price" },
      h("h2", { id: "push-price" }, "Push a price"),
      h("p", { class: "hint" }, "Working paper orders that the price reaches fill at once."),
      h("div", { class: "grid" },
        field({ name: "symbol", label: "Symbol", required: true }),
        field({ name: "price", label: "Price", inputmode: "decimal" }),
        field({ name: "bid", label: "Bid", inputmode: "decimal" }),
        field({ name: "ask", label: "Ask", inputmode: "decimal" })),
      h("button", { type: "submit" }, "Push")), async (v, form) => {
      const body = { symbol: v.symbol ?? "" };
      for (const name of ["price", "bid", "ask"]) if (v[name]) body[name] = v[name];
      const pushed = await api.post("/api/market/prices", body, { signal: view.signal });
      form.reset();
      announce(`${pushed.symbol} is at ${pushed.price}.`);
      await loadPrices();
    }));
  }
  const replays = h("section", { "aria-labelledby": "replays" });
  const operations = await api.availableOperations();
  const canReplay = me?.user?.role === "ADMIN" && operations.has("POST /api/market/replays") && operations.has("GET /api/market/replays");
  if (canReplay) append(main, replays);
  append(main, securities, chart);

  /** Replays of stored bars into the live feed (administrators): live strategies trade on them. */
  const replayList = h("div");
  const replayForm = onSubmit(h("form", { class: "card", "aria-labelledby": "new-replay" },
    h("h3", { id: "new-replay" }, "Replay stored bars"),
    h("p", { class: "hint" }, "Each bar is pushed into the live feed as a price; active strategies on the symbol trade on it."),
    h("div", { class: "grid" },
      field({ name: "symbol", label: "Symbol", required: true }),
      field({ name: "timeframe", label: "Timeframe", required: true, value: "1d" }),
      field({ name: "speed", label: "Bars per second", required: true, value: "10", inputmode: "decimal" }),
      field({ name: "from", label: "From", type: "datetime-local" }),
      field({ name: "to", label: "To", type: "datetime-local" })),
    h("button", { type: "submit" }, "Start the replay")), async v => {
    const body = { symbol: v.symbol ?? "", timeframe: v.timeframe ?? "", speed: v.speed ?? "" };
    if (v.from) body.from = new Date(v.from).toISOString();
    if (v.to) body.to = new Date(v.to).toISOString();
    await api.post("/api/market/replays", body, { signal: view.signal });
    announce("The replay is running.");
    await loadReplays();
  });
  append(replays, h("h2", { id: "replays" }, "Replays"), replayForm, replayList);
  let replayTimer = null;
  view.signal.addEventListener("abort", () => clearTimeout(replayTimer), { once: true });
  async function loadReplays() {
    const { replays: list } = await api.get("/api/market/replays", { signal: view.signal });
    replace(replayList, list.length === 0 ? h("p", { class: "muted" }, "No replays.") :
      table("Replays, newest first", [
        { label: "Symbol", cell: r => h("strong", {}, r.symbol) },
        { label: "Timeframe", cell: r => r.timeframe },
        { label: "Bars per second", num: true, cell: r => decimal(r.speed) },
        { label: "Bars replayed", num: true, cell: r => decimal(String(r.barsReplayed)) },
        { label: "Up to", cell: r => time(r.replayedUntil) },
        { label: "Status", cell: r => h("span", { class: `badge ${r.status === "RUNNING" ? "work" : r.status === "DONE" ? "ok" : "off"}` }, r.status.toLowerCase()) },
        { label: "Actions", cell: r => r.status === "RUNNING" ? h("button", { type: "button", class: "danger", "aria-label": `Cancel the replay of ${r.symbol}`,
          onclick: guarded(async () => {
            await api.del(`/api/market/replays/${encodeURIComponent(r.id)}`, { signal: view.signal });
            await loadReplays();
          }) }, "Cancel") : "" },
      ], list));
    replayList.querySelectorAll("tbody tr").forEach((tr, i) => { tr.dataset.status = list[i].status; });
    clearTimeout(replayTimer);
    if (list.some(r => r.status === "RUNNING")) replayTimer = setTimeout(() => { if (!view.signal.aborted) loadReplays().catch(() => {}); }, 1000);
  }

  let latest = [];
  async function loadPrices() {
    latest = (await api.get("/api/market/prices", { signal: view.signal })).prices;
    drawPrices();
  }
  function drawPrices() {
    replace(prices, h("h2", { id: "prices" }, "Latest prices"), latest.length === 0 ? h("p", { class: "muted" }, "No prices yet.") :
      table("The latest price of each symbol", [
        { label: "Symbol", cell: p => h("strong", {}, p.symbol) },
        { label: "Price", num: true, cell: p => h("span", { "data-price": p.symbol }, money(p.price, p.currency)) },
        { label: "Bid", num: true, cell: p => money(p.bid, p.currency) },
        { label: "Ask", num: true, cell: p => money(p.ask, p.currency) },
        { label: "Time", cell: p => time(p.time) },
      ], latest));
  }

  const { securities: list } = await api.get("/api/securities", { signal: view.signal });
  replace(securities, h("h2", { id: "securities" }, "Securities"), list.length === 0 ? h("p", { class: "muted" }, "No securities listed.") :
    table("The security master", [
      { label: "Ticker", cell: s => h("a", { href: `/market?security=${encodeURIComponent(s.id)}#bars` }, s.ticker) },
      { label: "Name", cell: s => s.name },
      { label: "Type", cell: s => String(s.securityType).toLowerCase() },
      { label: "Exchange", cell: s => s.exchange },
      { label: "Currency", cell: s => s.currency },
      { label: "Tick", num: true, cell: s => decimal(s.tickSize) },
      { label: "Lot", num: true, cell: s => decimal(s.lotSize) },
    ], list));

  const chosen = list.find(s => s.id === query.get("security")) ?? null;
  if (chosen) {
    const bars = await api.get(`/api/securities/${encodeURIComponent(chosen.id)}/bars?timeframe=1d&limit=500`, { signal: view.signal });
    const box = h("div");
    replace(chart, h("h2", { id: "bars", tabindex: "-1" }, `${chosen.ticker}: daily bars`),
      bars.bars.length === 0 ? h("p", { class: "muted" }, "No bars stored for it.") : box);
    if (bars.bars.length) {
      const mounted = candlestickChart(box, { bars: bars.bars, symbol: chosen.ticker });
      view.signal.addEventListener("abort", () => mounted.destroy(), { once: true });
    }
  }

  await loadPrices();
  if (canReplay) await loadReplays();
  const update = debounce(() => loadPrices().catch(() => {}), 150);
  view.live().on("price", e => {
    const p = payload(e);
    const i = latest.findIndex(x => x.symbol === p.symbol);
    if (i >= 0 && p.price !== undefined) {
      latest[i] = { ...latest[i], ...p };
      drawPrices();
    } else {
      update();
    }
  }, { signal: view.signal });
  view.live().on("resync", update, { signal: view.signal });
}
