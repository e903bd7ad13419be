package io.tradebook.security;

/**
 * A broker connection's credentials in plain text, as a broker adapter needs them; each may be
 * null. Immutable. {@link #toString()} shows only which are present: these must never reach a log.
 */
public record BrokerCredentials(String apiKey, String apiSecret, String accessToken) {
    public static final BrokerCredentials NONE = new BrokerCredentials(null, null, null);

    @Override
    public String toString() {
        return "BrokerCredentials[apiKey=" + (apiKey != null ? "<set>" : "<none>") + ", apiSecret=" + (apiSecret != null ? "<set>" : "<none>")
                + ", accessToken=" + (accessToken != null ? "<set>" : "<none>") + "]";
    }
}
