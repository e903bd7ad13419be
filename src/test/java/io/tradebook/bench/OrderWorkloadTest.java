package io.tradebook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.orders.OrderStatus;
import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;
import org.junit.jupiter.api.Test;

/** The benchmark's workload does what it claims: every order fills, and the books stay exact, in memory and in PostgreSQL. */
class OrderWorkloadTest {
    @Test
    void inMemoryEveryOrderFillsAndTheBooksAgree() throws Exception {
        OrderWorkload w = OrderWorkload.inMemory(2);
        assertThat(w.next(0).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(OrderThroughput.measure(w, 2, 200)).isPositive();
        assertThat(w.verify()).isEmpty();
    }

    @Test
    void inPostgresEveryOrderFillsAndTheBooksAgree() throws Exception {
        try (Database db = TestDatabases.postgres(); OrderWorkload w = OrderWorkload.inDatabase(db, 4, 2)) {
            assertThat(OrderThroughput.measure(w, 4, 400)).isPositive();
            assertThat(w.verify()).isEmpty();
        }
    }
}
