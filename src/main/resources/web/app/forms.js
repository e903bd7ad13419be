// Forms: labelled fields with hints, and the server as the one judge of what is valid. A problem's
// field errors are shown at their fields (aria-invalid, aria-describedby); anything else at the
// top of the form as an alert. Forms use novalidate so the browser does not second-guess the server.

import { h } from "./dom.js";
import { ApiProblem } from "./api.js";

let counter = 0;

/**
 * A labelled input. spec: name, label, type (text, email, password, tel, number, datetime-local,
 * select, checkbox), hint, required, autocomplete, value, checked, options [{value, label}], inputmode.
 */
export function field(spec) {
  const id = `f${++counter}-${spec.name.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const hintId = spec.hint ? `${id}-hint` : null;
  const common = {
    id, name: spec.name, required: spec.required, autocomplete: spec.autocomplete ?? "off",
    "aria-describedby": hintId, inputmode: spec.inputmode, placeholder: spec.placeholder,
  };
  if (spec.type === "checkbox") {
    return h("div", { class: "field" },
      h("label", { class: "check", for: id }, h("input", { ...common, type: "checkbox", checked: Boolean(spec.checked), value: spec.value ?? "on" }), spec.label),
      spec.hint ? h("p", { class: "hint", id: hintId }, spec.hint) : null);
  }
  const control = spec.type === "select"
    ? h("select", common, spec.options.map(o => h("option", { value: o.value, selected: o.value === spec.value }, o.label)))
    : h("input", { ...common, type: spec.type ?? "text", value: spec.value ?? "", min: spec.min, step: spec.step });
  return h("div", { class: "field" },
    h("label", { for: id }, spec.label, spec.required ? null : h("span", { class: "muted" }, " (optional)")),
    control,
    spec.hint ? h("p", { class: "hint", id: hintId }, spec.hint) : null);
}

/** A group of checkboxes sharing one name (sent as a list), in a fieldset with a legend. */
export function checkboxes(name, legend, options) {
  return h("fieldset", { "data-field": name },
    h("legend", {}, legend),
    options.map(o => h("label", { class: "check" },
      h("input", { type: "checkbox", name, value: o.value, checked: Boolean(o.checked) }), o.label)));
}

/** Removes every error shown on the form. */
export function clearErrors(form) {
  form.querySelectorAll(".field-error, .form-error").forEach(e => e.remove());
  form.querySelectorAll("[aria-invalid]").forEach(input => {
    input.removeAttribute("aria-invalid");
    const ids = (input.getAttribute("aria-describedby") ?? "").split(" ").filter(i => i && !i.endsWith("-error"));
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  });
}

/** The control a problem's field names: exact name first, then the name before [index] or .part (scopes[2] → scopes). */
function controlFor(form, fieldName) {
  const candidates = [fieldName, fieldName.replace(/\[\d+\].*$/, ""), fieldName.split(/[.[]/)[0]];
  for (const name of candidates) {
    const group = form.querySelector(`fieldset[data-field="${CSS.escape(name)}"]`);
    if (group) return group;
    const control = form.elements.namedItem(name);
    if (control) return control instanceof RadioNodeList ? control[0] : control;
  }
  return null;
}

/** Shows problem on form: each field error at its field, the rest in an alert at the top. Focuses the first error. */
export function showProblem(form, problem) {
  clearErrors(form);
  const unplaced = [];
  let first = null;
  for (const error of problem instanceof ApiProblem ? problem.fieldErrors : []) {
    const control = controlFor(form, error.field);
    if (!control) {
      unplaced.push(`${error.field}: ${error.message}`);
      continue;
    }
    const errorId = `${control.id || control.getAttribute("data-field")}-error`;
    let message = form.querySelector(`#${CSS.escape(errorId)}`);
    if (!message) {
      message = h("p", { class: "field-error", id: errorId });
      (control.closest(".field") ?? control).append(message);
    }
    message.append(h("span", {}, error.message));
    const focusable = control.matches("fieldset") ? control.querySelector("input") : control;
    focusable.setAttribute("aria-invalid", "true");
    focusable.setAttribute("aria-describedby", [focusable.getAttribute("aria-describedby"), errorId].filter(Boolean).join(" "));
    first ??= focusable;
  }
  const placedAll = problem instanceof ApiProblem && problem.fieldErrors.length > 0 && unplaced.length === 0;
  if (!placedAll) {
    const text = problem instanceof ApiProblem ? problem.message : "Something went wrong. Try again.";
    const alert = h("div", { class: "form-error", role: "alert", tabindex: "-1" }, text, unplaced.length ? h("ul", {}, unplaced.map(u => h("li", {}, u))) : null);
    form.prepend(alert);
    first ??= alert;
  }
  first?.focus();
}

/** The form's values: text as strings (empty ones left out), checkbox groups as lists, single checkboxes as booleans. */
export function values(form) {
  const result = {};
  for (const control of form.elements) {
    if (!control.name || control.disabled || control.type === "submit" || control.tagName === "BUTTON") continue;
    const inGroup = control.closest("fieldset[data-field]");
    if (control.type === "checkbox" && inGroup) {
      result[control.name] ??= [];
      if (control.checked) result[control.name].push(control.value);
    } else if (control.type === "checkbox") {
      result[control.name] = control.checked;
    } else if (control.value.trim() !== "") {
      result[control.name] = control.value.trim();
    }
  }
  return result;
}

/**
 * Runs submit(values, form) when the form is sent: the submit button is disabled meanwhile, and an
 * ApiProblem is shown on the form. A submit that resolves clears the errors.
 */
export function onSubmit(form, submit) {
  form.noValidate = true;
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const buttons = [...form.querySelectorAll("button[type=submit], button:not([type])")];
    buttons.forEach(b => { b.disabled = true; });
    form.setAttribute("aria-busy", "true");
    try {
      clearErrors(form);
      await submit(values(form), form);
    } catch (problem) {
      if (problem?.name === "AbortError") return;
      if (!(problem instanceof ApiProblem)) console.warn("unexpected failure in a form", problem);
      if (form.isConnected) showProblem(form, problem);
    } finally {
      buttons.forEach(b => { b.disabled = false; });
      form.removeAttribute("aria-busy");
    }
  });
  return form;
}
