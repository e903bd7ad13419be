package io.tradebook.cli;

import io.tradebook.cli.FillHistoryReader.CashRow;
import io.tradebook.cli.FillHistoryReader.Row;
import io.tradebook.cli.FillHistoryReader.TradeRow;
import io.tradebook.core.books.Fill;
import io.tradebook.core.money.Currency;
import io.tradebook.store.AccountRepository;
import io.tradebook.store.AccountRepository.Account;
import io.tradebook.store.Database;
import io.tradebook.store.JdbiBookKeeper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tradebook ledger import FILE.csv}: records a fill history in the configured database, in
 * file order, for one user. Accounts (broker {@code manual}) and strategy activations are created
 * as the file names them. The whole file is checked before anything is written, so a malformed
 * row changes nothing (exit 2). Every row gets an id made of the file's content hash and its row
 * number, so importing the same file again records nothing twice.
 */
@Command(name = "import", description = {
    "Record a fill history (same columns as replay) in the configured database for one user.",
    "The file is checked whole first; importing it again changes nothing."})
final class LedgerImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DatabaseOptions db;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The fill history, in file order.")
    Path file;

    @Option(names = "--user", defaultValue = "demo@tradebook.local", description = "Email of the owner (created if absent; default ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--currency", defaultValue = "USD", description = "Currency of every amount in the file (default ${DEFAULT-VALUE}).")
    String currency;

    @Option(names = "--account-type", defaultValue = "MARGIN", description = "Type of accounts created by the import: CASH or MARGIN (default ${DEFAULT-VALUE}).")
    String accountType;

    @Override
    public Integer call() throws IOException {
        if (!accountType.equals("CASH") && !accountType.equals("MARGIN")) {
            throw new UserInputException("--account-type must be CASH or MARGIN, not '" + accountType + "'");
        }
        if (!user.contains("@")) {
            throw new UserInputException("--user must be an email address, not '" + user + "'");
        }
        Currency cur = LedgerCommand.currencyOf(currency);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException("no such file: " + file, e);
        }
        String source = "import:" + sha256(content).substring(0, 16);
        List<Row> rows = readAll(content, cur, source);

        try (Database database = db.openMigrated()) {
            AccountRepository accounts = new AccountRepository(database.jdbi());
            JdbiBookKeeper keeper = new JdbiBookKeeper(database.jdbi());
            UUID owner = accounts.findOrCreateUser(user, null);
            Map<String, Account> byName = new HashMap<>();
            int fills = 0;
            int duplicates = 0;
            for (Row row : rows) {
                if (row instanceof TradeRow t) {
                    Fill f = t.fill();
                    Account account = account(accounts, byName, owner, f.account(), cur);
                    accounts.activate(account.id(), f.strategy(), AccountRepository.MANUAL_STRATEGY_ID);
                    Fill keyed = new Fill(f.tradeId(), account.id().toString(), f.strategy(), f.symbol(), f.side(), f.quantity(),
                            f.price(), f.fee(), f.time(), f.confidence());
                    if (keeper.record(keyed).duplicate()) {
                        duplicates++;
                    } else {
                        fills++;
                    }
                } else if (row instanceof CashRow c) {
                    Account account = account(accounts, byName, owner, c.account(), cur);
                    String key = account.id().toString();
                    boolean done = c.deposit() ? keeper.deposit(key, c.amount(), c.time(), c.reference())
                            : keeper.withdraw(key, c.amount(), c.time(), c.reference());
                    if (!done) {
                        duplicates++;
                    }
                }
            }
            spec.commandLine().getOut().printf("imported %d fills into %d accounts of %s (%d rows were already recorded)%n",
                    fills, byName.size(), user, duplicates);
        }
        return 0;
    }

    private Account account(AccountRepository accounts, Map<String, Account> byName, UUID owner, String name, Currency cur) {
        return byName.computeIfAbsent(name, n -> accounts.findAccountByName(owner, n)
                .map(a -> {
                    if (!a.currency().equals(cur.code())) {
                        throw new UserInputException("account '" + n + "' is in " + a.currency() + ", the file in " + cur);
                    }
                    return a;
                })
                .orElseGet(() -> accounts.openAccount(owner, n, "manual", n, accountType, cur.code())));
    }

    private List<Row> readAll(byte[] content, Currency cur, String source) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new StringReader(new String(content, StandardCharsets.UTF_8)))) {
            FillHistoryReader reader = new FillHistoryReader(in, cur, source);
            reader.readHeader();
            for (Row row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        } catch (FillHistoryReader.MalformedRowException e) {
            throw new UserInputException(file + ": " + e.getMessage() + " (nothing was imported)", e);
        }
        return rows;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
