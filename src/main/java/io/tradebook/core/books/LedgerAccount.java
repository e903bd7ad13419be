package io.tradebook.core.books;

import java.util.Objects;

/**
 * An account of the double-entry journal within one trading account. Immutable.
 *
 * <ul>
 *   <li>{@code CASH}: cash; {@code strategy} null for the shared pool, else that strategy's
 *       segregated budget (its allocation plus its cash flows).</li>
 *   <li>{@code CAPITAL}: what the owner put in (credit) and took out (debit).</li>
 *   <li>{@code POSITION_COST}: cost basis of a strategy's open position in a symbol; debit for a
 *       long, credit for a short.</li>
 *   <li>{@code TRADING_PNL}: gross realized P&L of a strategy in a symbol; a gain is a credit.</li>
 *   <li>{@code FEES}: fees a strategy paid on a symbol; an expense, debit.</li>
 * </ul>
 * Amounts are debit-positive, so the balances of all accounts always sum to zero.
 */
public record LedgerAccount(Kind kind, String strategy, String symbol) {

    /** The kinds of ledger account; names match the {@code journal_postings.ledger_account} column. */
    public enum Kind { CASH, CAPITAL, POSITION_COST, TRADING_PNL, FEES }

    private static final LedgerAccount POOL = new LedgerAccount(Kind.CASH, null, null);
    private static final LedgerAccount CAPITAL = new LedgerAccount(Kind.CAPITAL, null, null);

    public LedgerAccount {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case CAPITAL -> {
                if (strategy != null || symbol != null) {
                    throw new IllegalArgumentException("CAPITAL has no strategy or symbol");
                }
            }
            case CASH -> {
                if (symbol != null) {
                    throw new IllegalArgumentException("CASH has no symbol");
                }
            }
            default -> {
                if (strategy == null || symbol == null) {
                    throw new IllegalArgumentException(kind + " needs a strategy and a symbol");
                }
            }
        }
    }

    public static LedgerAccount cashPool() {
        return POOL;
    }

    public static LedgerAccount cash(String strategy) {
        return strategy == null ? POOL : new LedgerAccount(Kind.CASH, strategy, null);
    }

    public static LedgerAccount capital() {
        return CAPITAL;
    }

    public static LedgerAccount positionCost(String strategy, String symbol) {
        return new LedgerAccount(Kind.POSITION_COST, strategy, symbol);
    }

    public static LedgerAccount tradingPnl(String strategy, String symbol) {
        return new LedgerAccount(Kind.TRADING_PNL, strategy, symbol);
    }

    public static LedgerAccount fees(String strategy, String symbol) {
        return new LedgerAccount(Kind.FEES, strategy, symbol);
    }

    @Override
    public String toString() {
        return kind + (strategy == null ? "" : ":" + strategy) + (symbol == null ? "" : ":" + symbol);
    }
}
