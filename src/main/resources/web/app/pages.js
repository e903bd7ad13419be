// Every page of the dashboard, in navigation order. A page is listed only when the server offers
// every operation in its `needs` (read from /openapi.json), so a page whose API is not there yet
// is neither shown nor reachable. Adding a page: write pages/<name>.js exporting
// `title` and `render(view)`, and add one entry here (see docs/dashboard.md).
//
// access: "session" (signed in; otherwise the sign-in page), "anonymous" (signed out; otherwise home)
// nav:    shown in the main navigation

export const pages = [
  {
    path: "/sign-in", access: "anonymous", needs: ["POST /api/auth/login"],
    load: () => import("./pages/sign-in.js"),
  },
  {
    path: "/sign-up", access: "anonymous", needs: ["POST /api/auth/register", "POST /api/auth/login"],
    load: () => import("./pages/sign-up.js"),
  },
  {
    path: "/profile", access: "session", nav: "Profile", needs: ["GET /api/me"],
    load: () => import("./pages/profile.js"),
  },
  {
    path: "/keys", access: "session", nav: "API keys", needs: ["GET /api/keys", "POST /api/keys", "DELETE /api/keys/{keyId}"],
    load: () => import("./pages/keys.js"),
  },
  {
    path: "/connections", access: "session", nav: "Broker connections",
    needs: ["GET /api/broker-connections", "POST /api/broker-connections", "PATCH /api/broker-connections/{connectionId}",
      "DELETE /api/broker-connections/{connectionId}"],
    load: () => import("./pages/connections.js"),
  },
];

/** The pages whose operations all exist on this server. */
export function availablePages(operations) {
  return pages.filter(page => page.needs.every(op => operations.has(op)));
}
