// The history-API router: links to this origin change the page without a reload; Back and Forward
// work; the server answers every page path with the shell, so a deep link works on reload.

/** Turns a pattern such as "/keys/:keyId" into a matcher returning the params, or null. */
export function compile(pattern) {
  const names = [];
  const source = pattern.replace(/\/:([A-Za-z]+)/g, (_, name) => {
    names.push(name);
    return "/([^/]+)";
  });
  const regex = new RegExp(`^${source}/?$`);
  return path => {
    const m = regex.exec(path);
    if (!m) return null;
    return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
  };
}

/**
 * Starts routing: render(url) is called after every navigation (and Back/Forward). Returns
 * navigate(path, {replace}); the caller renders the first page.
 */
export function startRouter(render) {
  let shown = location.pathname + location.search;
  const show = url => {
    shown = url.pathname + url.search;
    render(url);
  };
  const navigate = (path, { replace = false } = {}) => {
    const url = new URL(path, location.origin);
    if (url.origin !== location.origin) {
      location.assign(url);
      return;
    }
    if (url.pathname + url.search !== location.pathname + location.search) {
      history[replace ? "replaceState" : "pushState"]({}, "", url.pathname + url.search + url.hash);
    }
    show(url);
  };
  document.addEventListener("click", event => {
    const link = event.target.closest?.("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (link.target || link.hasAttribute("download")) return;
    const url = new URL(link.href, location.origin);
    if (url.origin !== location.origin || link.getAttribute("href").startsWith("#")) return;
    if (url.pathname === "/docs" || url.pathname.startsWith("/api/") || url.pathname === "/openapi.json") return; // server pages
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
  window.addEventListener("popstate", () => {
    const url = new URL(location.href);
    if (url.pathname + url.search !== shown) show(url); // a change of #fragment alone is not a new page
  });
  return navigate;
}
