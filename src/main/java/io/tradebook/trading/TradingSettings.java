package io.tradebook.trading;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * How the server's paper trading is set up: the commission and slippage of the paper broker, in
 * basis points of each fill's notional (so that they apply in any currency), and the number of
 * writer threads of the group commit. Immutable. Refuses negative basis points, above 1,000
 * (10%), and fewer than one writer.
 *
 * @param commissionBps what the paper broker charges per fill, in basis points of its notional
 * @param slippageBps   how far against the trader the paper broker fills, in basis points
 * @param writers       group-commit writer threads (each holds one database connection)
 */
public record TradingSettings(BigDecimal commissionBps, BigDecimal slippageBps, int writers) {
    public static final String COMMISSION_BPS = "TRADEBOOK_PAPER_COMMISSION_BPS";
    public static final String SLIPPAGE_BPS = "TRADEBOOK_PAPER_SLIPPAGE_BPS";
    public static final String WRITERS = "TRADEBOOK_ORDER_WRITERS";
    private static final BigDecimal MAX_BPS = new BigDecimal("1000");

    /** One basis point of commission, no slippage, two writers. */
    public static final TradingSettings DEFAULT = new TradingSettings(BigDecimal.ONE, BigDecimal.ZERO, 2);

    public TradingSettings {
        requireBps(commissionBps, "commission");
        requireBps(slippageBps, "slippage");
        if (writers < 1 || writers > 64) {
            throw new IllegalArgumentException("order writers must be within 1…64: " + writers);
        }
    }

    /** The settings the environment gives ({@value #COMMISSION_BPS}, {@value #SLIPPAGE_BPS}, {@value #WRITERS}), else the defaults. */
    public static TradingSettings fromEnvironment(Map<String, String> env) {
        return new TradingSettings(decimal(env, COMMISSION_BPS, DEFAULT.commissionBps()), decimal(env, SLIPPAGE_BPS, DEFAULT.slippageBps()),
                whole(env, WRITERS, DEFAULT.writers()));
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
