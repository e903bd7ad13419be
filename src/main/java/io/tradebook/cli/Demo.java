package io.tradebook.cli;

import io.tradebook.core.execution.AccountType;
import io.tradebook.core.money.Currency;
import io.tradebook.http.TradebookServer;
import io.tradebook.marketdata.BarFile;
import io.tradebook.marketdata.BundledData;
import io.tradebook.security.Outcome;
import io.tradebook.store.Database;
import io.tradebook.store.NewSecurity;
import io.tradebook.store.PriceHistoryRepository;
import io.tradebook.store.Security;
import io.tradebook.store.SecurityRepository;
import io.tradebook.store.UserRepository.UserRow;
import io.tradebook.trading.AccountService;
import io.tradebook.trading.LiveStrategies;
import io.tradebook.trading.TradingService;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo a first {@code tradebook serve} sets up on a fresh database (no users), so that a first
 * start shows a living system: the bundled real data imported (as {@code tradebook import bars
 * --bundled all}), a demo user with a random password printed once, a paper CASH account with
 * 100,000 USD, and two strategies (sma-cross on AAPL, rsi on SPX, daily bars) running live on
 * replays of the bundled data at {@link #SPEED} bars per second. A later start resumes them.
 */
final class Demo {
    static final String EMAIL = "demo@tradebook.local";
    static final String ACCOUNT = "Demo";
    static final BigDecimal CASH = new BigDecimal("100000");
    /** Bars per second: AAPL's 2013 (252 days) replays in about a minute and the first crossover trades within seconds. */
    static final BigDecimal SPEED = new BigDecimal("4");

    private Demo() {
    }

    /** Whether the database has no user yet (checked before the server creates an administrator). */
    static boolean fresh(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one()) == 0;
    }

    /** Imports the bundled data (before the server starts, so its caches see the securities). */
    static void importBundled(Database database, PrintWriter out) {
        SecurityRepository securities = new SecurityRepository(database.jdbi());
        PriceHistoryRepository prices = new PriceHistoryRepository(database.jdbi());
        for (BundledData.Series s : BundledData.all()) {
            Optional<Security> existing = securities.resolve(s.symbol(), s.exchange());
            Security security = existing.orElseGet(() -> securities.create(NewSecurity.of(s.symbol(), s.exchange(), s.type(), s.name(),
                    Currency.USD).withDataSource("csv")));
            BarFile bars = s.read();
            var result = prices.store(security, s.timeframe(), bars.bars(), false, "csv:" + s.resource());
            out.printf("demo: bundled %s %s bars of %s: %d stored%n", bars.bars().size(), s.timeframe(), s.symbol(), result.inserted());
        }
    }

    /** Creates the demo user, account and strategies, and starts the replays; prints the password once. */
    static void create(TradebookServer server, PrintWriter out) {
        var context = server.context();
        String password = password();
        Outcome<UserRow> user = context.registration().register(EMAIL, password, "Demo User", null);
        if (!user.isOk()) {
            out.println("demo: not created: " + user.refusal().message() + " " + user.refusal().fields());
            return;
        }
        UUID userId = user.value().id();
        TradingService trading = context.trading();
        Outcome<AccountService.AccountState> account = trading.accounts().open(userId, new AccountService.NewAccount(ACCOUNT, "paper",
                AccountType.CASH, CASH, "USD", List.of()));
        if (!account.isOk()) {
            out.println("demo: no account: " + account.refusal().message());
            return;
        }
        UUID accountId = account.value().details().id();
        LiveStrategies live = trading.strategies();
        activate(live, out, accountId, new LiveStrategies.NewActivation("sma-cross", "demo-sma-cross", null,
                Map.of("fast", "5", "slow", "20", "allocation", "0.4"), List.of("AAPL"), "1d", true));
        activate(live, out, accountId, new LiveStrategies.NewActivation("rsi", "demo-rsi", null, Map.of("allocation", "0.4"),
                List.of("SPX"), "1d", true));
        for (String symbol : List.of("AAPL", "SPX")) {
            var replay = live.startReplay(symbol, "1d", SPEED, null, null, null);
            if (!replay.isOk()) {
                out.println("demo: no replay of " + symbol + ": " + replay.refusal().message());
            }
        }
        out.println("demo: user " + EMAIL + " with password " + password + " (shown once; change it after signing in)");
        out.println("demo: paper account '" + ACCOUNT + "' with " + CASH.toPlainString() + " USD; strategies demo-sma-cross (AAPL) and "
                + "demo-rsi (SPX) trade live on replays of the bundled daily bars at " + SPEED + " bars per second");
        out.flush();
    }

    private static void activate(LiveStrategies live, PrintWriter out, UUID accountId, LiveStrategies.NewActivation n) {
        var done = live.create(accountId, n);
        if (!done.isOk()) {
            out.println("demo: strategy " + n.name() + " not activated: " + done.refusal().message() + " " + done.refusal().fields());
        }
    }

    /** A random password that passes the password policy: letters, digits and a symbol. */
    private static String password() {
        SecureRandom random = new SecureRandom();
        String letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder s = new StringBuilder("Tb-");
        for (int i = 0; i < 16; i++) {
            s.append(letters.charAt(random.nextInt(letters.length())));
        }
        return s.append("-7a").toString();
    }
}
