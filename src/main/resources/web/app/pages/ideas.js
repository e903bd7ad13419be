// Trade ideas: a basket of legs (symbol, long or short, a share of the capital), the analyser's
// verdict (return estimates, volatility, risk, recommendation), activation in an account (orders
// placed per leg) with each leg's execution, and closing or archiving.
import { append, h, replace, table, announce, confirmDialog, guarded } from "../dom.js";
import * as api from "../api.js";
import { field, onSubmit } from "../forms.js";
import { formatDecimal } from "../format.js";
import { decimal, money, percent, time } from "../trading.js";

export const title = "Trade ideas";

const NEXT = { DRAFT: ["ARCHIVED"], ACTIVE: ["CLOSED"], CLOSED: ["ARCHIVED"] };

export async function render(view) {
  const { main } = view;
  const { accounts } = await api.get("/api/accounts", { signal: view.signal });
  const list = h("section", { "aria-labelledby": "ideas-list" });
  const detail = h("div");
  const legs = h("div", { class: "legs" });
  let legCount = 0;
  const addLeg = () => {
    const i = legCount++;
    legs.append(h("fieldset", { "data-field": `legs[${i}]`, class: "leg" }, h("legend", {}, `Leg ${i + 1}`),
      h("div", { class: "grid" },
        field({ name: `legs[${i}].symbol`, label: "Symbol", required: true }),
        field({ name: `legs[${i}].side`, label: "Side", type: "select", value: "LONG", options: [{ value: "LONG", label: "Long" }, { value: "SHORT", label: "Short" }] }),
        field({ name: `legs[${i}].allocationPercent`, label: "Share of the capital (%)", required: true, inputmode: "decimal" }),
        field({ name: `legs[${i}].rationale`, label: "Why" }))));
  };
  addLeg();
  const form = onSubmit(h("form", { class: "card", "aria-labelledby": "new-idea" },
    h("h2", { id: "new-idea" }, "Write an idea"),
    field({ name: "title", label: "Title", required: true }),
    field({ name: "description", label: "Description" }),
    legs,
    h("div", { class: "row" }, h("button", { type: "button", class: "secondary", onclick: addLeg }, "Add a leg"), h("button", { type: "submit" }, "Save the idea"))), async (v, formElement) => {
    const body = { title: v.title ?? "", legs: [] };
    if (v.description) body.description = v.description;
    for (let i = 0; i < legCount; i++) {
      const leg = { symbol: v[`legs[${i}].symbol`] ?? "", side: v[`legs[${i}].side`], allocationPercent: v[`legs[${i}].allocationPercent`] ?? "" };
      if (v[`legs[${i}].rationale`]) leg.rationale = v[`legs[${i}].rationale`];
      body.legs.push(leg);
    }
    const idea = await api.post("/api/ideas", body, { signal: view.signal });
    formElement.reset();
    announce(`Saved “${idea.title}”.`);
    await load();
    show(idea.id);
  });
  append(main, h("h1", {}, title), detail, list, form);

  async function load() {
    const { ideas } = await api.get("/api/ideas", { signal: view.signal });
    replace(list, h("h2", { id: "ideas-list" }, "Your ideas"), ideas.length === 0 ? h("p", { class: "muted" }, "No ideas yet.") :
      table("Trade ideas, newest first", [
        { label: "Title", cell: i => h("button", { type: "button", class: "link-button", onclick: () => show(i.id) }, i.title) },
        { label: "Status", cell: i => h("span", { class: "badge" }, i.status.toLowerCase()) },
        { label: "Legs", cell: i => i.legs.map(l => `${l.side.toLowerCase()} ${l.symbol} ${formatDecimal(l.allocationPercent)}%`).join(", ") },
        { label: "Recommendation", cell: i => i.analysis ? i.analysis.recommendation.toLowerCase().replaceAll("_", " ") : "not analysed" },
        { label: "Written", cell: i => time(i.createdAt) },
      ], ideas));
  }

  async function show(id) {
    const idea = await api.get(`/api/ideas/${encodeURIComponent(id)}`, { signal: view.signal });
    const account = accounts.find(a => a.id === idea.accountId);
    const c = account?.currency ?? null;
    const a = idea.analysis;
    const activate = idea.status === "DRAFT" && accounts.length ? onSubmit(h("form", { class: "card", "aria-labelledby": "activate-idea" },
      h("h3", { id: "activate-idea" }, "Activate it"),
      h("p", { class: "hint" }, "Places one market order per leg, sized by its share of the amount."),
      h("div", { class: "grid" },
        field({ name: "accountId", label: "Account", type: "select", value: accounts[0].id, options: accounts.map(x => ({ value: x.id, label: x.name })) }),
        field({ name: "amount", label: "Amount", inputmode: "decimal", hint: "The capital spread over the legs." }),
        field({ name: "allocationPercent", label: "Or a share of the account's equity (%)", inputmode: "decimal" })),
      h("button", { type: "submit" }, "Activate")), async v => {
      const body = { accountId: v.accountId };
      if (v.amount) body.amount = v.amount;
      if (v.allocationPercent) body.allocationPercent = v.allocationPercent;
      await api.post(`/api/ideas/${encodeURIComponent(id)}/activate`, body, { signal: view.signal });
      announce("The idea is active: its orders are placed.");
      await load();
      await show(id);
    }) : null;
    replace(detail, h("section", { class: "card", "aria-labelledby": "idea-title", "data-idea": idea.id },
      h("h2", { id: "idea-title", tabindex: "-1" }, idea.title, " ", h("span", { class: "badge" }, idea.status.toLowerCase())),
      idea.description ? h("p", {}, idea.description) : null,
      table("Legs", [
        { label: "Symbol", cell: l => h("strong", {}, l.symbol) },
        { label: "Side", cell: l => l.side.toLowerCase() },
        { label: "Share", num: true, cell: l => `${formatDecimal(l.allocationPercent)}%` },
        { label: "Why", cell: l => l.rationale ?? "" },
        { label: "Order", cell: l => l.execution ? l.execution.orderStatus.toLowerCase() : "\u2014" },
        { label: "Quantity", num: true, cell: l => decimal(l.execution?.quantity) },
        { label: "Entry", num: true, cell: l => l.execution?.entryPrice ? (c ? money(l.execution.entryPrice, c) : decimal(l.execution.entryPrice)) : "\u2014" },
        { label: "Now", num: true, cell: l => l.execution?.currentPrice ? (c ? money(l.execution.currentPrice, c) : decimal(l.execution.currentPrice)) : "\u2014" },
        { label: "Unrealized P&L", num: true, cell: l => l.execution?.unrealizedPnl ? (c ? money(l.execution.unrealizedPnl, c, { signed: true }) : decimal(l.execution.unrealizedPnl)) : "\u2014" },
      ], idea.legs),
      h("h3", {}, "Analysis"),
      a ? h("div", { class: "analysis" },
        h("p", {}, h("strong", {}, a.recommendation.toLowerCase().replaceAll("_", " ")), ` · risk ${a.riskLevel.toLowerCase()} · volatility `, percent(a.volatility)),
        h("p", {}, a.rationale),
        h("table", {}, h("caption", { class: "muted" }, "Estimated returns"),
          h("thead", {}, h("tr", {}, Object.keys(a.returnEstimates).map(k => h("th", { scope: "col", class: "num" }, k)))),
          h("tbody", {}, h("tr", {}, Object.values(a.returnEstimates).map(v => h("td", { class: "num" }, percent(v, { signed: true })))))),
        h("p", { class: "hint" }, `By ${a.analyzer}, `, time(a.analyzedAt))) : h("p", { class: "muted" }, "Not analysed yet."),
      h("div", { class: "row" },
        h("button", { type: "button", class: "secondary", onclick: guarded(async () => {
          await api.post(`/api/ideas/${encodeURIComponent(id)}/analyse`, undefined, { signal: view.signal });
          announce("Analysed.");
          await load();
          await show(id);
        }) }, a ? "Analyse again" : "Analyse"),
        (NEXT[idea.status] ?? []).map(status => h("button", { type: "button", class: "secondary", onclick: guarded(async () => {
          await api.patch(`/api/ideas/${encodeURIComponent(id)}`, { status }, { signal: view.signal });
          announce(`The idea is ${status.toLowerCase()}.`);
          await load();
          await show(id);
        }) }, status === "CLOSED" ? "Close it" : "Archive it")),
        h("button", { type: "button", class: "danger", onclick: guarded(async () => {
          if (!(await confirmDialog(`Delete “${idea.title}”?`, "Delete"))) return;
          await api.del(`/api/ideas/${encodeURIComponent(id)}`, { signal: view.signal });
          detail.replaceChildren();
          await load();
        }) }, "Delete")),
      activate));
    detail.querySelector("h2").focus();
  }

  await load();
}
