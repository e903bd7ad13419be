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
    path: "/accounts", access: "session", nav: "Accounts", needs: ["GET /api/accounts", "POST /api/accounts"],
    load: () => import("./pages/accounts.js"),
  },
  {
    path: "/accounts/:accountId", access: "session",
    needs: ["GET /api/accounts/{accountId}", "GET /api/accounts/{accountId}/positions", "GET /api/accounts/{accountId}/positions/aggregated"],
    load: () => import("./pages/account.js"),
  },
  {
    path: "/accounts/:accountId/orders", access: "session",
    needs: ["GET /api/accounts/{accountId}", "POST /api/accounts/{accountId}/orders", "GET /api/accounts/{accountId}/orders",
      "DELETE /api/accounts/{accountId}/orders/{orderId}", "GET /api/accounts/{accountId}/fills"],
    load: () => import("./pages/orders.js"),
  },
  {
    path: "/accounts/:accountId/risk", access: "session",
    needs: ["GET /api/accounts/{accountId}", "GET /api/accounts/{accountId}/risk-rules", "POST /api/accounts/{accountId}/risk-rules",
      "PATCH /api/accounts/{accountId}/risk-rules/{ruleId}", "DELETE /api/accounts/{accountId}/risk-rules/{ruleId}",
      "GET /api/accounts/{accountId}/risk-events"],
    load: () => import("./pages/risk.js"),
  },
  {
    path: "/accounts/:accountId/strategies", access: "session",
    needs: ["GET /api/accounts/{accountId}", "GET /api/accounts/{accountId}/strategies", "POST /api/accounts/{accountId}/strategies/{activationId}/start",
      "POST /api/accounts/{accountId}/strategies/{activationId}/pause", "POST /api/accounts/{accountId}/strategies/{activationId}/stop",
      "PATCH /api/accounts/{accountId}/strategies/{activationId}"],
    load: () => import("./pages/account-strategies.js"),
  },
  {
    path: "/accounts/:accountId/strategies/:activationId", access: "session",
    needs: ["GET /api/accounts/{accountId}", "GET /api/accounts/{accountId}/strategies/{activationId}/performance", "GET /api/securities",
      "GET /api/securities/{securityId}/bars"],
    load: () => import("./pages/strategy-performance.js"),
  },
  {
    path: "/strategies", access: "session", nav: "Strategies",
    needs: ["GET /api/strategies", "GET /api/accounts", "POST /api/accounts/{accountId}/strategies"],
    load: () => import("./pages/strategies.js"),
  },
  {
    path: "/backtests", access: "session", nav: "Backtests",
    needs: ["GET /api/strategies", "POST /api/backtests", "GET /api/backtests", "GET /api/backtests/{backtestId}", "DELETE /api/backtests/{backtestId}"],
    load: () => import("./pages/backtests.js"),
  },
  {
    path: "/backtests/:backtestId", access: "session",
    needs: ["GET /api/backtests/{backtestId}", "GET /api/backtests/{backtestId}/result", "GET /api/backtests/{backtestId}/report"],
    load: () => import("./pages/backtest.js"),
  },
  {
    path: "/ideas", access: "session", nav: "Trade ideas",
    needs: ["GET /api/ideas", "POST /api/ideas", "GET /api/ideas/{ideaId}", "PATCH /api/ideas/{ideaId}", "DELETE /api/ideas/{ideaId}",
      "POST /api/ideas/{ideaId}/analyse", "POST /api/ideas/{ideaId}/activate", "GET /api/accounts"],
    load: () => import("./pages/ideas.js"),
  },
  {
    path: "/market", access: "session", nav: "Market", needs: ["GET /api/market/prices", "GET /api/securities", "GET /api/securities/{securityId}/bars"],
    load: () => import("./pages/market.js"),
  },
  {
    path: "/notifications", access: "session", nav: "Notifications", badge: "unread",
    needs: ["GET /api/notifications", "GET /api/notifications/unread-count", "POST /api/notifications/{notificationId}/read",
      "POST /api/notifications/read-all"],
    load: () => import("./pages/notifications.js"),
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
