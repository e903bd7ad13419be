package io.tradebook.http;

/** Names of the request attributes the server sets for its own filters (metrics, error audit). */
final class ServerAttributes {
    static final String PRINCIPAL = "tradebook.principal";
    static final String STARTED = "tradebook.started";

    private ServerAttributes() {
    }
}
