// Orders and fills of one account: the order ticket (every order type and time in force; the
// server's validation shown at the field), the orders and the fills with filters, cancel. New
// orders and fills appear live.
import { append, h, replace, table, announce, guarded } from "../dom.js";
import * as api from "../api.js";
import { field, onSubmit, values } from "../forms.js";
import { accountTabs, debounce, decimal, loadAccount, money, payload, statusBadge, time, WORKING } from "../trading.js";

export const title = "Orders and fills";

const TYPES = [["MARKET", "Market"], ["LIMIT", "Limit"], ["STOP_LOSS", "Stop (market)"], ["STOP_LIMIT", "Stop limit"]];
const TIFS = [["DAY", "Day"], ["GTC", "Good till cancelled"], ["IOC", "Immediate or cancel"], ["FOK", "Fill or kill"]];
const STATUSES = ["PENDING", "PLACED", "PARTIALLY_FILLED", "FILLED", "REJECTED", "CANCELLED", "EXPIRED"];

export async function render(view) {
  const { main, params } = view;
  const id = params.accountId;
  const base = `/api/accounts/${encodeURIComponent(id)}`;
  const [operations, account] = await Promise.all([api.availableOperations(), loadAccount(id, view.signal)]);
  const c = account.currency;
  document.title = `${title} · ${account.name} · Tradebook`;
  const books = account.strategies.map(s => s.name);

  const outcome = h("div", { "aria-live": "polite" });
  const limit = field({ name: "limitPrice", label: "Limit price", inputmode: "decimal", required: true });
  const stop = field({ name: "stopPrice", label: "Stop price", inputmode: "decimal", required: true });
  const ticket = onSubmit(h("form", { class: "card", "aria-labelledby": "ticket" },
    h("h2", { id: "ticket" }, "Order ticket"),
    h("div", { class: "grid" },
      field({ name: "symbol", label: "Symbol", required: true, autocomplete: "off", placeholder: "AAPL" }),
      field({ name: "side", label: "Side", type: "select", required: true, value: "BUY", options: [{ value: "BUY", label: "Buy" }, { value: "SELL", label: "Sell" }] }),
      field({ name: "type", label: "Order type", type: "select", required: true, value: "MARKET", options: TYPES.map(([value, label]) => ({ value, label })) }),
      field({ name: "quantity", label: "Quantity", required: true, inputmode: "decimal" }),
      limit, stop,
      field({ name: "timeInForce", label: "Time in force", type: "select", required: true, value: "DAY", options: TIFS.map(([value, label]) => ({ value, label })) }),
      field({ name: "strategy", label: "Strategy book", type: "select", required: true, value: books.includes("manual") ? "manual" : books[0],
        options: books.map(b => ({ value: b, label: b })) }),
      field({ name: "clientOrderId", label: "Your order id", hint: "Sending the same id again returns the first order instead of placing another." })),
    h("button", { type: "submit" }, "Place the order")), async (v, form) => {
    const body = { symbol: v.symbol ?? "", side: v.side, type: v.type, quantity: v.quantity ?? "", timeInForce: v.timeInForce, strategy: v.strategy };
    for (const name of ["limitPrice", "stopPrice", "clientOrderId"]) if (v[name] !== undefined) body[name] = v[name];
    const order = await api.post(`${base}/orders`, body, { signal: view.signal });
    replace(outcome, h("p", { class: order.status === "REJECTED" ? "form-error" : "notice", role: "status", "data-order": order.id },
      `${order.side === "BUY" ? "Buy" : "Sell"} ${order.quantity} ${order.symbol}: `, statusBadge(order.status),
      order.averageFillPrice ? ` at ${money(order.averageFillPrice, c).textContent}` : "",
      order.message ? ` — ${order.message}` : ""));
    form.elements.quantity.value = "";
    form.elements.clientOrderId.value = "";
    reloadBoth();
  });
  const typeSelect = ticket.elements.type;
  const showPrices = () => {
    const t = typeSelect.value;
    const needLimit = t === "LIMIT" || t === "STOP_LIMIT";
    const needStop = t === "STOP_LOSS" || t === "STOP_LIMIT";
    limit.hidden = !needLimit;
    limit.querySelector("input").disabled = !needLimit;
    stop.hidden = !needStop;
    stop.querySelector("input").disabled = !needStop;
  };
  typeSelect.addEventListener("change", showPrices);
  showPrices();

  // orders with filters
  const ordersSection = h("section", { "aria-labelledby": "orders" });
  const ordersBody = h("div");
  const orderFilter = filterForm("orders-filter", [
    field({ name: "status", label: "Status", type: "select", value: "", options: [{ value: "", label: "Any" }, { value: "PENDING,PLACED,PARTIALLY_FILLED", label: "Working" },
      ...STATUSES.map(s => ({ value: s, label: s.replace("_", " ").toLowerCase() }))] }),
    field({ name: "symbol", label: "Symbol" }),
    field({ name: "strategy", label: "Strategy", type: "select", value: "", options: [{ value: "", label: "Any" }, ...books.map(b => ({ value: b, label: b }))] }),
    field({ name: "from", label: "From", type: "datetime-local" }),
    field({ name: "to", label: "To", type: "datetime-local" }),
  ], () => loadOrders());
  append(ordersSection, h("h2", { id: "orders" }, "Orders"), orderFilter, ordersBody);

  const fillsSection = h("section", { "aria-labelledby": "fills" });
  const fillsBody = h("div");
  const fillFilter = filterForm("fills-filter", [
    field({ name: "symbol", label: "Symbol" }),
    field({ name: "strategy", label: "Strategy", type: "select", value: "", options: [{ value: "", label: "Any" }, ...books.map(b => ({ value: b, label: b }))] }),
    field({ name: "from", label: "From", type: "datetime-local" }),
    field({ name: "to", label: "To", type: "datetime-local" }),
  ], () => loadFills());
  append(fillsSection, h("h2", { id: "fills" }, "Fills"), fillFilter, fillsBody);

  append(main, h("h1", {}, title), h("p", { class: "muted" }, account.name), accountTabs(id, `/accounts/${encodeURIComponent(id)}/orders`, operations),
    outcome, ticket, ordersSection, fillsSection);

  async function loadOrders(cursor) {
    const query = queryOf(orderFilter, cursor);
    const page = await api.get(`${base}/orders${query}`, { signal: view.signal });
    const rows = table("Orders, newest first", [
      { label: "Created", cell: o => time(o.createdAt) },
      { label: "Symbol", cell: o => h("strong", {}, o.symbol) },
      { label: "Side", cell: o => o.side.toLowerCase() },
      { label: "Type", cell: o => `${TYPES.find(([t]) => t === o.type)?.[1] ?? o.type} · ${o.timeInForce}` },
      { label: "Quantity", num: true, cell: o => decimal(o.quantity) },
      { label: "Filled", num: true, cell: o => decimal(o.filledQuantity) },
      { label: "Limit", num: true, cell: o => money(o.limitPrice, c) },
      { label: "Stop", num: true, cell: o => money(o.stopPrice, c) },
      { label: "Average fill", num: true, cell: o => money(o.averageFillPrice, c) },
      { label: "Status", cell: o => [statusBadge(o.status), o.rejectReason ? h("span", { class: "hint" }, ` ${o.rejectReason}`) : null] },
      { label: "Strategy", cell: o => o.strategy },
      { label: "Actions", cell: o => WORKING.has(o.status) ? h("button", { type: "button", class: "danger", "aria-label": `Cancel the order for ${o.quantity} ${o.symbol}`,
        onclick: guarded(async () => {
          const cancelled = await api.del(`${base}/orders/${encodeURIComponent(o.id)}`, { signal: view.signal });
          announce(`The order is ${cancelled.status.toLowerCase()}.`);
          await loadOrders();
        }) }, "Cancel") : "" },
    ], page.orders);
    rows.querySelectorAll("tbody tr").forEach((tr, i) => { tr.dataset.status = page.orders[i].status; tr.dataset.order = page.orders[i].id; });
    if (cursor) ordersBody.querySelector(".more")?.remove();
    if (cursor) ordersBody.querySelector("tbody").append(...rows.querySelectorAll("tbody tr"));
    else replace(ordersBody, page.orders.length ? rows : h("p", { class: "muted" }, "No orders match."));
    if (page.nextCursor) ordersBody.append(h("button", { type: "button", class: "secondary more", onclick: guarded(() => loadOrders(page.nextCursor)) }, "Show more orders"));
  }

  async function loadFills(cursor) {
    const query = queryOf(fillFilter, cursor);
    const page = await api.get(`${base}/fills${query}`, { signal: view.signal });
    const rows = table("Fills, newest first", [
      { label: "Executed", cell: f => time(f.executedAt) },
      { label: "Symbol", cell: f => h("strong", {}, f.symbol) },
      { label: "Side", cell: f => f.side.toLowerCase() },
      { label: "Quantity", num: true, cell: f => decimal(f.quantity) },
      { label: "Price", num: true, cell: f => money(f.price, f.currency ?? c) },
      { label: "Fee", num: true, cell: f => money(f.fee, f.currency ?? c) },
      { label: "Cash moved", num: true, cell: f => money(f.totalCost, f.currency ?? c) },
      { label: "Strategy", cell: f => f.strategy },
    ], page.fills);
    if (cursor) fillsBody.querySelector(".more")?.remove();
    if (cursor) fillsBody.querySelector("tbody").append(...rows.querySelectorAll("tbody tr"));
    else replace(fillsBody, page.fills.length ? rows : h("p", { class: "muted" }, "No fills match."));
    if (page.nextCursor) fillsBody.append(h("button", { type: "button", class: "secondary more", onclick: guarded(() => loadFills(page.nextCursor)) }, "Show more fills"));
  }

  const reloadOrders = debounce(() => loadOrders().catch(() => {}), 200);
  const reloadFills = debounce(() => loadFills().catch(() => {}), 200);
  function reloadBoth() {
    reloadOrders();
    reloadFills();
  }
  await Promise.all([loadOrders(), loadFills()]);
  const live = view.live();
  live.on("order", e => { if (payload(e).accountId === id) reloadOrders(); }, { signal: view.signal });
  live.on("fill", e => { if (payload(e).accountId === id) reloadBoth(); }, { signal: view.signal });
  live.on("resync", reloadBoth, { signal: view.signal });
}

/** A compact filter form: changing a field or submitting applies it. */
function filterForm(id, fields, apply) {
  const form = onSubmit(h("form", { class: "filters", "aria-label": id === "orders-filter" ? "Filter the orders" : "Filter the fills", id },
    fields, h("button", { type: "submit", class: "secondary" }, "Filter")), () => apply());
  form.addEventListener("change", () => form.requestSubmit());
  return form;
}

/** The filter form's values as a query string (times from the user's zone to ISO-8601). */
function queryOf(form, cursor) {
  const v = values(form);
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(v)) {
    if (value === "" || value === undefined) continue;
    q.set(name, name === "from" || name === "to" ? new Date(value).toISOString() : value);
  }
  if (cursor) q.set("cursor", cursor);
  const text = q.toString();
  return text ? `?${text}` : "";
}
