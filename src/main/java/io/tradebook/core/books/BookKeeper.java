package io.tradebook.core.books;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.List;

/**
 * The port through which the order path and importers change an account's books: each call posts
 * one balanced journal entry and updates the cached figures in one atomic step. Implementations:
 * {@link InMemoryBookKeeper}, and the database book keeper of the store adapter, which serialises
 * writers per account in the database so that several processes can share it.
 *
 * <p>Accounts and strategies are named by the keys the implementation knows them by. Refuses an
 * unknown account or strategy, amounts that are not positive, and a fill in another currency.
 */
public interface BookKeeper {

    /** Records a fill; a trade id already recorded for the account changes nothing and comes back as a duplicate. */
    FillResult record(Fill fill);

    /**
     * Pays cash into the account's shared pool. Idempotent per {@code reference} (a broker's
     * transfer id, a file row): returns false and changes nothing when the account already has it.
     */
    boolean deposit(String account, Money amount, Instant time, String reference);

    /** Takes cash out of the shared pool; idempotent per {@code reference} like {@link #deposit}. */
    boolean withdraw(String account, Money amount, Instant time, String reference);

    /** Moves cash from the account's shared pool into the strategy's segregated budget. */
    void allocate(String account, String strategy, Money amount, Instant time);

    /** Moves cash from the strategy's budget back to the shared pool. */
    void release(String account, String strategy, Money amount, Instant time);

    /** The strategy's signed quantity of {@code symbol} (negative when short; zero when it never traded it). */
    Quantity position(String account, String strategy, String symbol);

    /** The account's net quantity of {@code symbol} over all its strategies (long minus short). */
    Quantity netPosition(String account, String symbol);

    /** The cash {@code strategy} can draw on: its segregated budget when it has an allocation, else the account's shared pool. */
    Money cashAvailable(String account, String strategy);

    /** The account's books now; refuses an unknown account. */
    AccountSnapshot snapshot(String account);

    /** Every difference between the account's cached figures and what its journal and fills say. */
    List<String> verify(String account);
}
