// Sign in with email and password, or with a one-time code sent to a phone number.
import { append, h } from "../dom.js";
import * as api from "../api.js";
import { field, onSubmit } from "../forms.js";

export const title = "Sign in";

export function render({ main, navigate, next, query }) {
  const password = onSubmit(h("form", { class: "card narrow", "aria-labelledby": "with-password" },
    h("h2", { id: "with-password" }, "With your email"),
    field({ name: "email", label: "Email", type: "email", required: true, autocomplete: "username" }),
    field({ name: "password", label: "Password", type: "password", required: true, autocomplete: "current-password" }),
    h("button", { type: "submit" }, "Sign in")), async v => {
    await api.signIn("/api/auth/login", { email: v.email ?? "", password: v.password ?? "" });
    navigate(next(), { replace: true });
  });

  const codeStep = h("div", { hidden: true },
    field({ name: "code", label: "Code", required: true, inputmode: "numeric", autocomplete: "one-time-code", hint: "The 6 digits in the message." }));
  const phoneButton = h("button", { type: "submit" }, "Send a code");
  const phone = onSubmit(h("form", { class: "card narrow", "aria-labelledby": "with-phone" },
    h("h2", { id: "with-phone" }, "With your phone"),
    field({ name: "phoneNumber", label: "Phone number", type: "tel", required: true, autocomplete: "tel", hint: "In international form, such as +41791234567." }),
    codeStep, phoneButton), async (v, form) => {
    if (codeStep.hidden) {
      const sent = await api.post("/api/auth/phone/start", { phoneNumber: v.phoneNumber ?? "" }, { auth: false });
      codeStep.hidden = false;
      phoneButton.textContent = "Sign in";
      form.prepend(h("p", { class: "notice", role: "status" }, `A code is on its way; it is valid for ${Math.round(sent.expiresIn / 60)} minutes.`));
      form.elements.code.focus();
      return;
    }
    await api.signIn("/api/auth/phone/verify", { phoneNumber: v.phoneNumber ?? "", code: v.code ?? "" });
    navigate(next(), { replace: true });
  });

  append(main, h("h1", {}, title),
    query.get("next") ? h("p", { class: "warning" }, "Sign in to continue.") : null,
    password, phone,
    h("p", {}, "No account yet? ", h("a", { href: "/sign-up" }, "Sign up"), "."));
}
