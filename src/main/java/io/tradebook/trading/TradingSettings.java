package io.tradebook.trading;

import io.tradebook.store.TradingNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * How the server's paper trading is set up: the commission and slippage of the paper broker, in
 * basis points of each fill's notional (so that they apply in any currency), and the number of
 * writer threads of the group commit. Immutable. Refuses negative basis points, above 1,000
 * (10%), fewer than one writer and a node name that is not 1 to 32 letters, digits and dashes.
 *
 * @param commissionBps what the paper broker charges per fill, in basis points of its notional
 * @param slippageBps   how far against the trader the paper broker fills, in basis points
 * @param writers       group-commit writer threads (each holds one database connection)
 * @param node          this process's node name among the server processes that share the database
 *                      (see {@link TradingNode}): it works the orders it placed, and no two running
 *                      processes may have the same one
 */
public record TradingSettings(BigDecimal commissionBps, BigDecimal slippageBps, int writers, String node) {
    public static final String COMMISSION_BPS = "TRADEBOOK_PAPER_COMMISSION_BPS";
    public static final String NODE = "TRADEBOOK_NODE";
    /** The node of a server whose settings name none (tests, embedded use); {@code serve} makes one per data directory. */
    public static final String DEFAULT_NODE = "main";
    public static final String SLIPPAGE_BPS = "TRADEBOOK_PAPER_SLIPPAGE_BPS";
    public static final String WRITERS = "TRADEBOOK_ORDER_WRITERS";
    private static final BigDecimal MAX_BPS = new BigDecimal("1000");

    /** One basis point of commission, no slippage, two writers. */
    public static final TradingSettings DEFAULT = new TradingSettings(BigDecimal.ONE, BigDecimal.ZERO, 2, DEFAULT_NODE);

    /** Settings for node {@value #DEFAULT_NODE}. */
    public TradingSettings(BigDecimal commissionBps, BigDecimal slippageBps, int writers) {
        this(commissionBps, slippageBps, writers, DEFAULT_NODE);
    }

    public TradingSettings {
        if (!TradingNode.validName(node)) {
            throw new IllegalArgumentException(NODE + " must be 1 to 32 letters, digits and dashes, starting with a letter or digit: '"
                    + node + "'");
        }
        requireBps(commissionBps, "commission");
        requireBps(slippageBps, "slippage");
        if (writers < 1 || writers > 64) {
            throw new IllegalArgumentException("order writers must be within 1…64: " + writers);
        }
    }

    /**
     * The settings the environment gives ({@value #COMMISSION_BPS}, {@value #SLIPPAGE_BPS},
     * {@value #WRITERS}, {@value #NODE}), else the defaults.
     */
    public static TradingSettings fromEnvironment(Map<String, String> env) {
        String node = env.get(NODE);
        return new TradingSettings(decimal(env, COMMISSION_BPS, DEFAULT.commissionBps()), decimal(env, SLIPPAGE_BPS, DEFAULT.slippageBps()),
                whole(env, WRITERS, DEFAULT.writers()), node == null || node.isBlank() ? DEFAULT_NODE : node.strip());
    }

    /**
     * As {@link #fromEnvironment(Map)}, except that without {@value #NODE} the node's name is the
     * one kept in {@code dataDir/node}, made ({@code node-} and 8 random hex digits) and written
     * there on first use: one process per data directory keeps its name across restarts.
     */
    public static TradingSettings fromEnvironment(Map<String, String> env, Path dataDir) {
        TradingSettings settings = fromEnvironment(env);
        String given = env.get(NODE);
        if (given != null && !given.isBlank()) {
            return settings;
        }
        return settings.withNode(storedNode(dataDir.resolve("node")));
    }

    /** These settings for node {@code name}. */
    public TradingSettings withNode(String name) {
        return new TradingSettings(commissionBps, slippageBps, writers, name);
    }

    private static String storedNode(Path file) {
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!TradingNode.validName(stored)) {
                    throw new IllegalArgumentException(file + " must hold a node name (1 to 32 letters, digits and dashes): '" + stored
                            + "'; fix it, delete it, or set " + NODE);
                }
                return stored;
            }
            byte[] random = new byte[4];
            new SecureRandom().nextBytes(random);
            String made = "node-" + HexFormat.of().formatHex(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, made + System.lineSeparator(), StandardCharsets.UTF_8);
            return made;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot keep the node name in " + file + " (" + e.getMessage() + "); set " + NODE, e);
        }
    }

    private static void requireBps(BigDecimal bps, String what) {
        Objects.requireNonNull(bps, what);
        if (bps.signum() < 0 || bps.compareTo(MAX_BPS) > 0) {
            throw new IllegalArgumentException(what + " must be within 0…1000 basis points: " + bps.toPlainString());
        }
    }

    private static BigDecimal decimal(Map<String, String> env, String name, BigDecimal fallback) {
        String text = env.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a decimal number of basis points: " + text, e);
        }
    }

    private static int whole(Map<String, String> env, String name, int fallback) {
        String text = env.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: " + text, e);
        }
    }
}
