package io.tradebook.trading;

import java.util.UUID;

/**
 * Which server process works an order, when several share the database: each order is worked by
 * the node that placed it (docs/architecture.md, "Several processes").
 */
interface OrderWorkers {
    /** The node that works order {@code id} when that is another process, else null. */
    String elsewhere(UUID id);

    /** Asks the node that works order {@code id} to cancel it. */
    void cancelThere(UUID id);
}
