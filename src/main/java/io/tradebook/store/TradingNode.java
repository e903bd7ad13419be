package io.tradebook.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server process's place among the processes that share a database: its node name, held for
 * as long as the process runs, and the signals the processes send one another.
 *
 * <p><b>The name is a lease.</b> On PostgreSQL, joining takes a session advisory lock on the node's
 * name (within the schema) on a connection of its own, outside the pool, and keeps it until
 * {@link #close}; a process that dies (even by {@code kill -9}) loses its connection and with it
 * the lock. A second process with a name that is running is refused ({@link NodeInUseException}),
 * so two processes never work the same node's orders. On H2 (one process per database file) the
 * lease is held within this JVM.
 *
 * <p><b>Starts.</b> Each join counts a start of the node ({@code trading_nodes.starts}); the paper
 * broker's ids carry {@link #brokerIdTag()} (name and start number), so they never repeat across
 * processes or restarts, and a fill's trade id stays unique per account.
 *
 * <p><b>Signals</b> (PostgreSQL {@code NOTIFY} on a channel of the schema): a price pushed, an
 * account, a security or a risk rule changed, an order to cancel, a live strategy activation or
 * replay changed. {@link #signal} sends one to every other node; {@link #listen}
 * delivers the other nodes' signals to a handler on a thread of its own, and after a lost
 * connection reconnects, takes the lease again and calls {@link Signals#resync()}, since signals
 * sent meanwhile were lost. On H2 signals go nowhere: there is no other process.
 *
 * <p>Thread-safe.
 */
public final class TradingNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TradingNode.class);
    /** The longest node name: it is stored in {@code orders.placed_by} and in the paper broker's ids. */
    public static final int MAX_NAME = 32;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");
    private static final String OPEN = "('PLACED', 'PARTIALLY_FILLED')";
    /** How long joining waits for a node's lease that is held, before it is refused. */
    static final long LEASE_WAIT_MILLIS = 3000;
    /** Node leases held in this JVM on H2 databases, by URL and name. */
    private static final Set<String> H2_LEASES = ConcurrentHashMap.newKeySet();

    /** What other nodes signal; called on the listener's thread, one at a time. */
    public interface Signals {
        /** A price of {@code ticker} was pushed and stored ({@code market_quotes}). */
        void price(String ticker);

        /** Account {@code id}'s settings (strategies, allocations) changed. */
        void account(UUID id);

        /** The security master entry of {@code ticker} changed. */
        void security(String ticker);

        /** Risk rule {@code id} was added, changed or removed. */
        void rule(UUID id);

        /** Order {@code id}, which this node works, is to be cancelled (a client asked another node). */
        void cancel(UUID id);

        /** Live strategy activation or replay {@code id} changed (started, paused, stopped, changed, cancelled, moved to another node). */
        void live(UUID id);

        /** Signals may have been missed (the connection was lost): read again what they would have said. */
        void resync();
    }

    /** Thrown when the node's name is held by a running process. */
    public static final class NodeInUseException extends IllegalStateException {
        NodeInUseException(String message) {
            super(message);
        }
    }

    private final Database database;
    private final String name;
    private final int start;
    private final String channel;
    private volatile Connection lease;
    private volatile boolean closed;
    private Thread listener;

    private TradingNode(Database database, String name, int start, String channel, Connection lease) {
        this.database = database;
        this.name = name;
        this.start = start;
        this.channel = channel;
        this.lease = lease;
    }

    /** True for a usable node name: 1 to 32 letters, digits and dashes, starting with a letter or digit. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Joins the database as node {@code name}: takes its lease and counts a start.
     *
     * @throws IllegalArgumentException if the name is not {@linkplain #validName valid}
     * @throws NodeInUseException       if a running process holds the name
     */
    public static TradingNode join(Database database, String name, Clock clock) {
        Objects.requireNonNull(database, "database");
        if (!validName(name)) {
            throw new IllegalArgumentException("a node name is 1 to 32 letters, digits and dashes, starting with a letter or digit: '"
                    + name + "'");
        }
        Connection lease = null;
        String channel = null;
        if (database.dialect() == Dialect.POSTGRESQL) {
            try {
                lease = connect(database);
                if (!awaitLock(lease, name)) {
                    lease.close();
                    throw inUse(name);
                }
                channel = channel(lease);
            } catch (SQLException e) {
                closeQuietly(lease);
                throw new IllegalStateException("cannot take the lease of node " + name + ": " + e.getMessage(), e);
            }
        } else if (!H2_LEASES.add(h2Key(database, name))) {
            throw inUse(name);
        }
        try {
            int start = countStart(database, name, clock);
            return new TradingNode(database, name, start, channel, lease);
        } catch (RuntimeException e) {
            release(database, name, lease);
            throw e;
        }
    }

    public String name() {
        return name;
    }

    /** This start's number: 1 for the node's first start in this database. */
    public int start() {
        return start;
    }

    /** What the paper broker's order and trade ids carry: the name and the start number. */
    public String brokerIdTag() {
        return name + "-" + start;
    }

    /**
     * Makes this node the one that placed the working orders that no node placed (stored before
     * nodes existed). Each such order goes to exactly one node, the first that starts.
     *
     * @return how many orders it adopted
     */
    public int adoptOrphanedOrders() {
        return database.jdbi().withHandle(h -> h.createUpdate("UPDATE orders SET placed_by = :node WHERE placed_by IS NULL "
                + "AND status IN " + OPEN).bind("node", name).execute());
    }

    /** The ids of the working (PLACED or PARTIALLY_FILLED) orders this node placed, by account. */
    public Map<UUID, Set<UUID>> workingOrders() {
        Map<UUID, Set<UUID>> byAccount = new LinkedHashMap<>();
        database.jdbi().useHandle(h -> h.createQuery("SELECT account_id, id FROM orders WHERE placed_by = :node AND status IN " + OPEN
                        + " ORDER BY account_id, created_at, id").bind("node", name)
                .map((rs, ctx) -> new UUID[] {rs.getObject("account_id", UUID.class), rs.getObject("id", UUID.class)})
                .forEach(pair -> byAccount.computeIfAbsent(pair[0], a -> new LinkedHashSet<>()).add(pair[1])));
        return byAccount;
    }

    /** The node that placed (works) order {@code id}, if the order exists and a node placed it. */
    public java.util.Optional<String> placedBy(UUID id) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT placed_by FROM orders WHERE id = :id").bind("id", id)
                .mapTo(String.class).findOne());
    }

    /** Asks the node that works order {@code id} to cancel it (delivered to every other node; the one that works it acts). */
    public void signalCancel(UUID id) {
        signal('c', id.toString());
    }

    /** Tells every other node that risk rule {@code id} was added, changed or removed. */
    public void signalRule(UUID id) {
        signal('r', id.toString());
    }

    /** Tells every other node that a price of {@code ticker} was stored. */
    public void signalPrice(String ticker) {
        signal('p', ticker);
    }

    /** Tells every other node that account {@code id}'s settings changed. */
    public void signalAccount(UUID id) {
        signal('a', id.toString());
    }

    /** Tells every other node that live strategy activation or replay {@code id} changed: the node that runs it acts. */
    public void signalLive(UUID id) {
        signal('l', id.toString());
    }

    /**
     * Runs {@code claim} (which makes this node run something node {@code other} ran) if
     * {@code other} is not running, holding {@code other}'s lease meanwhile, so that it cannot
     * start in between and resume what is being taken from it.
     *
     * @return true when {@code claim} ran; false when {@code other} is running (or is this node)
     */
    public boolean takeOver(String other, Runnable claim) {
        Objects.requireNonNull(claim, "claim");
        if (other.equals(name)) {
            return false;
        }
        if (database.dialect() != Dialect.POSTGRESQL) {
            String key = h2Key(database, other);
            if (!H2_LEASES.add(key)) {
                return false;
            }
            try {
                claim.run();
                return true;
            } finally {
                H2_LEASES.remove(key);
            }
        }
        try (Connection c = connect(database)) {
            if (!tryLock(c, other)) {
                return false;
            }
            claim.run(); // closing the connection releases the lease again
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check whether node " + other + " is running: " + e.getMessage(), e);
        }
    }

    /** Tells every other node that security {@code ticker} changed. */
    public void signalSecurity(String ticker) {
        signal('s', ticker);
    }

    private void signal(char kind, String key) {
        if (channel == null || closed) {
            return;
        }
        try {
            database.jdbi().useHandle(h -> h.createQuery("SELECT 1 FROM (SELECT pg_notify(:channel, :payload)) n")
                    .bind("channel", channel).bind("payload", name + "|" + kind + "|" + key).mapTo(Integer.class).one());
        } catch (RuntimeException e) {
            // the others then miss this change until their next resync; nothing here may fail the caller's change
            LOG.warn("could not signal the other nodes ({} {}): {}", kind, key, e.toString());
        }
    }

    /** Delivers the other nodes' signals to {@code handler} from now on (PostgreSQL; on H2 there are none). Call once. */
    public synchronized void listen(Signals handler) {
        Objects.requireNonNull(handler, "handler");
        if (channel == null || listener != null) {
            return;
        }
        try {
            startListening(lease);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot listen for the other nodes' signals: " + e.getMessage(), e);
        }
        listener = new Thread(() -> run(handler), "tradebook-node-signals");
        listener.setDaemon(true);
        listener.start();
    }

    private void run(Signals handler) {
        int failures = 0;
        while (!closed) {
            try {
                PGNotification[] received = lease.unwrap(PGConnection.class).getNotifications(1000);
                failures = 0;
                if (received != null) {
                    for (PGNotification n : received) {
                        deliver(handler, n.getParameter());
                    }
                }
            } catch (SQLException e) {
                if (closed) {
                    return;
                }
                failures++;
                LOG.warn("node {} lost its connection for signals ({}); connecting again", name, e.toString());
                if (!reconnect(handler, failures)) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.error("a signal from another node could not be handled", e);
            }
        }
    }

    private void deliver(Signals handler, String payload) {
        String[] parts = payload.split("\\|", 3);
        if (parts.length != 3 || parts[0].equals(name) || parts[1].length() != 1) {
            return; // our own, or not ours to read
        }
        switch (parts[1].charAt(0)) {
            case 'p' -> handler.price(parts[2]);
            case 'a' -> handler.account(UUID.fromString(parts[2]));
            case 's' -> handler.security(parts[2]);
            case 'c' -> handler.cancel(UUID.fromString(parts[2]));
            case 'r' -> handler.rule(UUID.fromString(parts[2]));
            case 'l' -> handler.live(UUID.fromString(parts[2]));
            default -> LOG.debug("unknown signal {}", payload);
        }
    }

    /** Connects again, takes the lease again and listens; false when closed meanwhile. */
    private boolean reconnect(Signals handler, int failures) {
        closeQuietly(lease);
        try {
            Thread.sleep(Math.min(5000L, 100L << Math.min(failures, 6)));
        } catch (InterruptedException e) {
            return false;
        }
        if (closed) {
            return false;
        }
        try {
            Connection fresh = connect(database);
            if (!tryLock(fresh, name)) {
                LOG.error("node {} lost its lease while disconnected and another process now runs as {}: stop one of them; "
                        + "until then both may work this node's orders", name, name);
                fresh.close();
                return !closed;
            }
            startListening(fresh);
            lease = fresh;
        } catch (SQLException e) {
            LOG.warn("node {} cannot connect yet: {}", name, e.toString());
            return !closed;
        }
        handler.resync();
        return true;
    }

    private void startListening(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN \"" + channel + "\"");
        }
    }

    /** Gives up the lease and stops listening. Idempotent. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = listener;
        }
        release(database, name, lease);
        if (running != null) {
            running.interrupt();
            try {
                running.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void release(Database database, String name, Connection lease) {
        if (database.dialect() == Dialect.POSTGRESQL) {
            closeQuietly(lease); // closing the session releases its advisory lock
        } else {
            H2_LEASES.remove(h2Key(database, name));
        }
    }

    private static int countStart(Database database, String name, Clock clock) {
        return database.jdbi().inTransaction(h -> {
            var now = SqlTypes.utc(clock.instant());
            int updated = h.createUpdate("UPDATE trading_nodes SET starts = starts + 1, started_at = :now WHERE node = :node")
                    .bind("node", name).bind("now", now).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO trading_nodes (node, starts, started_at) VALUES (:node, 1, :now)")
                        .bind("node", name).bind("now", now).execute();
            }
            return h.createQuery("SELECT starts FROM trading_nodes WHERE node = :node").bind("node", name).mapTo(Integer.class).one();
        });
    }

    private static Connection connect(Database database) throws SQLException {
        DatabaseConfig config = database.config();
        return DriverManager.getConnection(config.url(), config.user(), config.password());
    }

    /**
     * Takes the node's lock, waiting up to {@link #LEASE_WAIT_MILLIS}: a process killed a moment
     * ago holds it until the database notices its connection is gone, which a restart may beat.
     */
    private static boolean awaitLock(Connection c, String name) throws SQLException {
        long deadline = System.nanoTime() + LEASE_WAIT_MILLIS * 1_000_000L;
        while (!tryLock(c, name)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static boolean tryLock(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(hashtext(current_schema()), hashtext(?))")) {
            s.setString(1, "tradebook-node:" + name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String channel(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            rs.next();
            String schema = rs.getString(1) == null ? "public" : rs.getString(1);
            String name = ("tradebook_" + schema.toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9_]", "_");
            return name.length() > 63 ? name.substring(0, 63) : name;
        }
    }

    private static NodeInUseException inUse(String name) {
        return new NodeInUseException("node " + name + " is running in another process on this database: give each server process "
                + "its own node name (TRADEBOOK_NODE)");
    }

    private static String h2Key(Database database, String name) {
        return database.config().url() + "|" + name;
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
