package io.tradebook.http;

/**
 * A group of routes (auth, API keys, later accounts or orders) that adds itself to the server's
 * {@link RouteRegistry}, using the services in the {@link ServerContext}. This is how a feature
 * plugs into the server: write a module, list it in {@link TradebookServer#MODULES} (or pass it in
 * {@link ServerConfig#modules()}), and its routes are authenticated, tenancy-checked, measured,
 * described in {@code /openapi.json} and walked by the tenancy test.
 */
@FunctionalInterface
public interface RouteModule {
    void register(RouteRegistry routes, ServerContext context);
}
