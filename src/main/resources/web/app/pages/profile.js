// The signed-in user: who they are, their subscription and what it allows, and confirming a phone number.
import { append, h, replace, announce } from "../dom.js";
import * as api from "../api.js";
import { field, onSubmit } from "../forms.js";
import { formatTime, timeZone } from "../format.js";

export const title = "Profile";

const STATUS = {
  NONE: "Self-hosted (no subscription needed)", TRIAL: "Trial", ACTIVE: "Active", PAST_DUE: "Payment overdue",
  CANCELLED: "Cancelled", EXPIRED: "Expired",
};

function time(iso) {
  return iso ? h("time", { datetime: iso }, formatTime(iso)) : "—";
}

export async function render(view) {
  const { main, signal } = view;
  const { user } = await api.get("/api/me", { signal });
  const sub = user.subscription;
  const facts = h("dl", { class: "facts" },
    h("dt", {}, "Name"), h("dd", {}, user.fullName || "—"),
    h("dt", {}, "Email"), h("dd", {}, user.email || "—"),
    h("dt", {}, "Phone"), h("dd", {}, user.phoneNumber
      ? [user.phoneNumber, " ", h("span", { class: `badge ${user.phoneVerified ? "ok" : ""}` }, user.phoneVerified ? "verified" : "not verified")]
      : "—"),
    h("dt", {}, "Role"), h("dd", {}, user.role === "ADMIN" ? "Administrator" : "User"),
    h("dt", {}, "Member since"), h("dd", {}, time(user.createdAt)),
    h("dt", {}, "Last sign-in"), h("dd", {}, time(user.lastLogin)));
  const subscription = h("dl", { class: "facts" },
    h("dt", {}, "Status"), h("dd", {}, STATUS[sub.status] ?? sub.status),
    h("dt", {}, "Expires"), h("dd", {}, sub.expiresAt ? time(sub.expiresAt) : "Never"),
    h("dt", {}, "Trading"), h("dd", {}, h("span", { class: `badge ${sub.canTrade ? "ok" : "off"}` }, sub.canTrade ? "allowed" : "not allowed")));
  append(main, h("h1", {}, title),
    h("section", { class: "card", "aria-labelledby": "you" }, h("h2", { id: "you" }, "You"), facts),
    h("section", { class: "card", "aria-labelledby": "sub" }, h("h2", { id: "sub" }, "Subscription"), subscription,
      sub.canTrade ? null : h("p", { class: "warning" }, "You can read your books, but orders are refused until the subscription is active again.")),
    phoneSection(view, user),
    h("p", { class: "muted" }, `Times are shown in your time zone, ${timeZone()}.`));
}

function phoneSection(view, user) {
  const section = h("section", { class: "card narrow", "aria-labelledby": "phone-title" });
  const codeStep = h("div", { hidden: true }, field({ name: "code", label: "Code", required: true, inputmode: "numeric", autocomplete: "one-time-code" }));
  const button = h("button", { type: "submit" }, "Send a code");
  const form = onSubmit(h("form", {},
    field({ name: "phoneNumber", label: "Phone number", type: "tel", required: true, autocomplete: "tel", value: user.phoneVerified ? "" : user.phoneNumber ?? "",
      hint: "In international form. Once confirmed, you can sign in with a code sent to it." }),
    codeStep, button), async v => {
    if (codeStep.hidden) {
      await api.post("/api/me/phone/start", { phoneNumber: v.phoneNumber ?? "" }, { signal: view.signal });
      codeStep.hidden = false;
      button.textContent = "Confirm";
      form.elements.code.focus();
      announce("A code was sent to the number.");
      return;
    }
    await api.post("/api/me/phone/verify", { phoneNumber: v.phoneNumber ?? "", code: v.code ?? "" }, { signal: view.signal });
    await view.refreshMe();
    announce("The phone number is confirmed.");
    view.navigate("/profile", { replace: true });
  });
  return replace(section, h("h2", { id: "phone-title" }, user.phoneVerified ? "Change your phone number" : "Confirm a phone number"), form);
}
