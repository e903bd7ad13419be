// Accounts overview: every account with cash, equity, buying power and its day and total return,
// and a form to open a paper account. Values follow fills and prices live.
import { append, h, replace, table, announce } from "../dom.js";
import * as api from "../api.js";
import { field, onSubmit } from "../forms.js";
import { debounce, money, percent } from "../trading.js";

export const title = "Accounts";

export async function render(view) {
  const { main } = view;
  const list = h("section", { "aria-labelledby": "accounts-list" });
  const form = onSubmit(h("form", { class: "card", "aria-labelledby": "new-account" },
    h("h2", { id: "new-account" }, "Open a paper account"),
    h("div", { class: "grid" },
      field({ name: "name", label: "Name", required: true, hint: "Unique among your accounts." }),
      field({ name: "type", label: "Type", type: "select", required: true, value: "CASH",
        options: [{ value: "CASH", label: "Cash" }, { value: "MARGIN", label: "Margin (Reg-T, 2× buying power)" }] }),
      field({ name: "initialCash", label: "Initial cash", required: true, inputmode: "decimal", value: "100000", hint: "Paid in at once." }),
      field({ name: "currency", label: "Currency", placeholder: "USD", hint: "The base currency; USD when left empty." }),
      field({ name: "strategies", label: "Strategy books", hint: "Names separated by commas (such as alpha, beta): orders can be attributed to each. A “manual” book is always there." })),
    h("button", { type: "submit" }, "Open the account")), async (v, formElement) => {
    const body = { name: v.name ?? "", broker: "paper", type: v.type, initialCash: v.initialCash ?? "" };
    if (v.currency) body.currency = v.currency;
    if (v.strategies) body.strategies = v.strategies.split(",").map(s => s.trim()).filter(Boolean);
    const account = await api.post("/api/accounts", body, { signal: view.signal });
    formElement.reset();
    announce(`Opened ${account.name}.`);
    view.navigate(`/accounts/${encodeURIComponent(account.id)}`);
  });
  append(main, h("h1", {}, title), list, form);
  await load(view, list);
  const reload = debounce(() => load(view, list).catch(() => {}), 300);
  const live = view.live();
  for (const type of ["fill", "price", "resync"]) live.on(type, reload, { signal: view.signal });
}

async function load(view, list) {
  const { accounts } = await api.get("/api/accounts", { signal: view.signal });
  replace(list, h("h2", { id: "accounts-list" }, "Your accounts"), accounts.length === 0
    ? h("p", { class: "muted" }, "No accounts yet. Open a paper account below to start trading with simulated money.")
    : table("Active accounts, valued at the latest prices", [
      { label: "Account", cell: a => h("a", { href: `/accounts/${encodeURIComponent(a.id)}` }, a.name) },
      { label: "Type", cell: a => `${a.type.toLowerCase()} · ${a.broker}` },
      { label: "Cash", num: true, cell: a => money(a.cash, a.currency) },
      { label: "Equity", num: true, cell: a => money(a.equity, a.currency) },
      { label: "Buying power", num: true, cell: a => money(a.buyingPower, a.currency) },
      { label: "Day P&L", num: true, cell: a => [money(a.dayPnl, a.currency, { signed: true }), " ", h("small", {}, "(", percent(a.dayReturn, { signed: true }), ")")] },
      { label: "Total P&L", num: true, cell: a => [money(a.totalPnl, a.currency, { signed: true }), " ", h("small", {}, "(", percent(a.totalReturn, { signed: true }), ")")] },
    ], accounts));
}
