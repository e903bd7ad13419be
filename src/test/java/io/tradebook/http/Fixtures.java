package io.tradebook.http;

import io.tradebook.store.AccountRepository;
import io.tradebook.store.Owned;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * One resource of each {@link Owned} kind for a signed-in user, created on first use and reused
 * (an activation lives in the user's account). The tenancy and bad-input walks use it for every
 * owned path parameter, so a route that adds a new kind fails those walks until a recipe is added
 * here.
 */
final class Fixtures {
    private final TestServer server;
    private final TestServer.Session user;
    private final Map<Owned, UUID> made = new EnumMap<>(Owned.class);

    Fixtures(TestServer server, TestServer.Session user) {
        this.server = server;
        this.user = user;
    }

    /** The user's resource of kind {@code kind}. */
    UUID id(Owned kind) {
        UUID existing = made.get(kind);
        if (existing != null) {
            return existing;
        }
        UUID id = switch (kind) {
            case USER -> UUID.fromString(user.userId());
            case API_KEY -> UUID.fromString(created(user.client().post("/api/keys", "{\"name\":\"fixture\"}")).at("/details/id").asText());
            case BROKER_CONNECTION -> UUID.fromString(created(user.client().post("/api/broker-connections",
                    "{\"broker\":\"alpaca\",\"accountNumber\":\"FX-" + UUID.randomUUID() + "\"}")).get("id").asText());
            case ACCOUNT -> accounts().openAccountWithStrategies(UUID.fromString(user.userId()), "fixture-" + UUID.randomUUID(), "paper",
                    "P-" + UUID.randomUUID(), "MARGIN", "USD", "momentum").id();
            case STRATEGY_ACTIVATION -> accounts().listActivations(id(Owned.ACCOUNT)).stream()
                    .filter(a -> a.name().equals("momentum")).findFirst().orElseThrow().id();
        };
        made.put(kind, id);
        return id;
    }

    private AccountRepository accounts() {
        return new AccountRepository(server.database.jdbi());
    }

    private static com.fasterxml.jackson.databind.JsonNode created(ApiClient.Response response) {
        if (response.status() != 201) {
            throw new AssertionError("fixture not created: " + response);
        }
        return response.json();
    }

    /** {@code route}'s path with this user's ids in its id parameters and {@code text} in the others. */
    String path(Route route, String text) {
        String path = route.path();
        for (Route.PathParam p : route.pathParams()) {
            path = path.replace("{" + p.name() + "}", p.owned() == null ? text : id(p.owned()).toString());
        }
        return path;
    }
}
