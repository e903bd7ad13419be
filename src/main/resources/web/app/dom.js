// Building the page without HTML strings: text always goes in as text, so nothing the server sends can become markup.

/**
 * Creates an element. attrs: "class", "text", "hidden", boolean attributes as true/false,
 * "on<event>" as listeners, everything else as attributes. Children may be strings, nodes,
 * arrays, or null/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === "text") {
      el.textContent = value;
    } else if (key === "checked") {
      el.checked = el.defaultChecked = Boolean(value); // the default too, so form.reset() returns to it
    } else if (key === "value" && !(el instanceof HTMLInputElement)) {
      el.value = value;
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  return appendAll(el, children);
}

/** Appends children (strings, nodes, arrays; null and false skipped) to el. */
export function append(el, ...children) {
  return appendAll(el, children);
}

function appendAll(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) appendAll(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Replaces the children of el with children. */
export function replace(el, ...children) {
  el.replaceChildren();
  return appendAll(el, children);
}

let statusTimer;
/** Says something briefly in the polite live region (screen readers hear it; sighted users see a toast). */
export function announce(message) {
  const region = document.getElementById("status");
  if (!region) return;
  region.textContent = message;
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => { region.textContent = ""; }, 4000);
}

/** A table that stacks into labelled cards at phone width. columns: [{label, cell(row) → node|string, num}]. */
export function table(caption, columns, rows) {
  return h("table", { class: "stack" },
    h("caption", { class: "muted" }, caption),
    h("thead", {}, h("tr", {}, columns.map(c => h("th", { scope: "col", class: c.num ? "num" : null }, c.label)))),
    h("tbody", {}, rows.map(row => h("tr", {}, columns.map(c =>
      h("td", { "data-label": c.label, class: c.num ? "num" : null }, c.cell(row)))))));
}

/** Asks a yes/no question in a modal dialog (focus stays inside; Escape says no). Resolves true or false. */
export function confirmDialog(question, confirmLabel) {
  return new Promise(resolve => {
    const opener = document.activeElement;
    const dialog = h("dialog", { "aria-labelledby": "confirm-q" },
      h("p", { id: "confirm-q" }, question),
      h("form", { method: "dialog", class: "row" },
        h("button", { value: "yes", class: "danger" }, confirmLabel),
        h("button", { value: "no", class: "secondary", autofocus: true }, "Cancel")));
    dialog.addEventListener("close", () => {
      dialog.remove();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      resolve(dialog.returnValue === "yes");
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** An event handler that runs fn and tells the user (in the live region) when it fails, instead of leaving an unhandled rejection. */
export function guarded(fn) {
  return async (...args) => {
    try {
      await fn(...args);
    } catch (failure) {
      if (failure?.name === "AbortError") return;
      announce(failure?.message ?? "Something went wrong. Try again.");
    }
  };
}
