package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradebook.store.Database;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request path keeps recent answers about access (the session's user, the account's owner,
 * what its connection allows) for at most 2 seconds: a change takes effect at once on the server
 * that made it, and within 2 seconds on a second server process on the same database.
 */
abstract class AccessChangesContract {
    private TestServer first;
    private TestServer second;
    private TestServer.Session ada;
    private String orders;

    protected abstract Database newDatabase();

    @BeforeEach
    void start() {
        first = new TestServer(newDatabase());
        second = TestServer.alongside(first, c -> c);
        ada = first.signUp("ada@example.com");
        ApiClient.Response opened = ada.client().post("/api/accounts", "{\"name\":\"Main\",\"type\":\"CASH\",\"initialCash\":\"1000\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        orders = "/api/accounts/" + opened.text("id") + "/orders";
    }

    @AfterEach
    void stop() {
        try {
            second.close();
        } finally {
            first.close();
        }
    }

    private ApiClient onSecond() {
        return second.anonymous.bearer(ada.accessToken());
    }

    @Test
    void aSignOutEndsTheTokenAtOnceHereAndWithinTwoSecondsOnAnotherProcess() {
        assertThat(ada.client().get(orders).status()).isEqualTo(200);
        assertThat(onSecond().get(orders).status()).as("the second process now has the session's answer").isEqualTo(200);
        assertThat(ada.client().post("/api/auth/logout", null).status()).isEqualTo(204);
        assertThat(ada.client().get(orders).status()).as("on the server that signed out: at once").isEqualTo(401);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> onSecond().get(orders).status() == 401);
    }

    @Test
    void aSuspendedSubscriptionStopsTradingAtOnceOnTheServerThatChangedIt() {
        String order = "{\"symbol\":\"NONE\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"1\"}";
        assertThat(ada.client().post(orders, order).status()).as("a well-formed order is stored, even if rejected").isEqualTo(201);
        ApiClient.Response changed = first.admin().client().patch("/api/admin/users/" + ada.userId(),
                "{\"subscriptionStatus\":\"PAST_DUE\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        ApiClient.Response refused = ada.client().post(orders, order);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).endsWith("subscription-inactive");
    }

    @Test
    void aClosedAccountIsGoneAtOnce() {
        assertThat(ada.client().get(orders).status()).isEqualTo(200);
        String account = orders.substring(0, orders.length() - "/orders".length());
        assertThat(ada.client().delete(account).status()).isEqualTo(204);
        assertThat(ada.client().get(orders).status()).isEqualTo(404);
    }
}
