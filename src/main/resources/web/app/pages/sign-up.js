// Registration with email and password; signs the new user in at once.
import { append, h } from "../dom.js";
import * as api from "../api.js";
import { field, onSubmit } from "../forms.js";

export const title = "Sign up";

export function render({ main, navigate }) {
  const form = onSubmit(h("form", { class: "card narrow", "aria-labelledby": "sign-up-title" },
    field({ name: "fullName", label: "Full name", required: true, autocomplete: "name" }),
    field({ name: "email", label: "Email", type: "email", required: true, autocomplete: "email" }),
    field({ name: "password", label: "Password", type: "password", required: true, autocomplete: "new-password",
      hint: "At least 10 characters, with a letter and a digit or symbol, not containing your email's name." }),
    field({ name: "phoneNumber", label: "Phone number", type: "tel", autocomplete: "tel",
      hint: "In international form, such as +41791234567. You can confirm it later to sign in with a code." }),
    h("button", { type: "submit" }, "Create the account")), async v => {
    await api.post("/api/auth/register", { email: v.email ?? "", password: v.password ?? "", fullName: v.fullName ?? "", phoneNumber: v.phoneNumber }, { auth: false });
    await api.signIn("/api/auth/login", { email: v.email, password: v.password });
    navigate("/", { replace: true });
  });
  append(main, h("h1", { id: "sign-up-title" }, title), form,
    h("p", {}, "Already registered? ", h("a", { href: "/sign-in" }, "Sign in"), "."));
}
