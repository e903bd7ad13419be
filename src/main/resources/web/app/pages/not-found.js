// The page for a path the dashboard does not have (or whose API this server does not offer).
import { append, h } from "../dom.js";

export const title = "Page not found";

export function render({ main }) {
  append(main, h("h1", {}, title), h("p", {}, "There is no page at this address. ", h("a", { href: "/" }, "Go to the start page"), "."));
}
