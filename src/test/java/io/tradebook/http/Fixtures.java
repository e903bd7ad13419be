package io.tradebook.http;

import io.tradebook.core.events.AlertLevel;
import io.tradebook.core.events.Notification;
import io.tradebook.core.events.NotificationType;
import io.tradebook.store.AccountRepository;
import io.tradebook.store.BacktestRunRepository;
import io.tradebook.store.JdbiEventSink;
import io.tradebook.store.Owned;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * One resource of each {@link Owned} kind for a signed-in user, created on first use and reused
 * (an activation, an order and a risk rule live in the user's account, a notification is about
 * it). The tenancy and bad-input walks use it for every owned path parameter, so a route that adds
 * a new kind fails those walks until a recipe is added here.
 */
final class Fixtures {
    private final TestServer server;
    private final TestServer.Session user;
    private final Map<Owned, String> made = new EnumMap<>(Owned.class);

    Fixtures(TestServer server, TestServer.Session user) {
        this.server = server;
        this.user = user;
    }

    /** The user's resource of kind {@code kind}: a UUID, or a number for a numbered kind. */
    String id(Owned kind) {
        String existing = made.get(kind);
        if (existing != null) {
            return existing;
        }
        String account = kind == Owned.ACCOUNT || kind == Owned.USER || kind == Owned.API_KEY || kind == Owned.BROKER_CONNECTION ? null
                : "/api/accounts/" + id(Owned.ACCOUNT);
        String id = switch (kind) {
            case USER -> user.userId();
            case API_KEY -> created(user.client().post("/api/keys", "{\"name\":\"fixture\"}")).at("/details/id").asText();
            case BROKER_CONNECTION -> created(user.client().post("/api/broker-connections",
                    "{\"broker\":\"alpaca\",\"accountNumber\":\"FX-" + UUID.randomUUID() + "\"}")).get("id").asText();
            case ACCOUNT -> created(user.client().post("/api/accounts", "{\"name\":\"fixture-" + UUID.randomUUID()
                    + "\",\"broker\":\"paper\",\"type\":\"MARGIN\",\"initialCash\":\"1000\",\"strategies\":[\"momentum\"]}")).get("id")
                    .asText();
            case STRATEGY_ACTIVATION -> accounts().listActivations(UUID.fromString(id(Owned.ACCOUNT))).stream()
                    .filter(a -> a.name().equals("momentum")).findFirst().orElseThrow().id().toString();
            case ORDER -> created(user.client().post(account + "/orders",
                    "{\"symbol\":\"NO-SUCH-SYMBOL\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"1\"}")).get("id").asText();
            case RISK_RULE -> created(user.client().post(account + "/risk-rules", "{\"type\":\"MAX_ORDERS_PER_DAY\",\"value\":\"1000\"}"))
                    .get("id").asText();
            case NOTIFICATION -> notificationAbout(id(Owned.ACCOUNT));
            case TRADING_SESSION -> created(user.client().post(account + "/sessions", "{}")).get("id").asText();
            case BACKTEST_RUN -> new BacktestRunRepository(server.database.jdbi()).create(UUID.fromString(user.userId()),
                    "{\"fixture\":true}", server.clock.instant()).id().toString();
            case TRADE_IDEA -> ideaOf(user.userId());
        };
        made.put(kind, id);
        return id;
    }

    /** A notification to the user about their account, as the order path writes one. */
    private String notificationAbout(String account) {
        var stored = new JdbiEventSink(server.database.jdbi()).store(new Notification(account, NotificationType.SYSTEM_ERROR,
                AlertLevel.WARNING, "Fixture", "A notification for the walks", Map.of(), server.clock.instant()));
        return Long.toString(stored.id());
    }

    /** A draft trade idea of the user, stored as the idea routes store one. */
    private String ideaOf(String userId) {
        UUID id = UUID.randomUUID();
        server.database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO trade_ideas (id, user_id, trade_name, trade_description) "
                + "VALUES (:id, :user, 'Fixture idea', '')").bind("id", id).bind("user", UUID.fromString(userId)).execute());
        return id.toString();
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
            path = path.replace("{" + p.name() + "}", p.owned() == null ? text : id(p.owned()));
        }
        return path;
    }
}
