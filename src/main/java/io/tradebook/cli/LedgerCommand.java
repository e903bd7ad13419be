package io.tradebook.cli;

import io.tradebook.cli.FillHistoryReader.CashRow;
import io.tradebook.cli.FillHistoryReader.Row;
import io.tradebook.cli.FillHistoryReader.TradeRow;
import io.tradebook.core.books.AccountBook;
import io.tradebook.core.books.Books;
import io.tradebook.core.money.Currency;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tradebook ledger}: work with fill histories. */
@Command(name = "ledger", description = "Replay or import fill histories.",
        subcommands = {LedgerCommand.Replay.class, LedgerImportCommand.class, LedgerGenerateCommand.class})
final class LedgerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code tradebook ledger replay FILE.csv}: reads a fill history into fresh in-memory books and
     * prints them as JSON. Exit 2 on the first malformed row, 1 if the books fail their own check.
     */
    @Command(name = "replay", description = {
        "Read a fill history (time,account,strategy,symbol,side,quantity,price,fee) into fresh in-memory books",
        "and print them as JSON. side is BUY, SELL, DEPOSIT or WITHDRAWAL; for the last two quantity is the amount."})
    static final class Replay implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE.csv", description = "The fill history, in file order.")
        Path file;

        @Option(names = "--currency", defaultValue = "USD", description = "Currency of every amount in the file (default ${DEFAULT-VALUE}).")
        String currency;

        @Override
        public Integer call() throws IOException {
            Books books = replay(file, currencyOf(currency));
            List<String> differences = books.verify();
            PrintWriter out = spec.commandLine().getOut();
            if (!differences.isEmpty()) {
                differences.forEach(d -> spec.commandLine().getErr().println("books differ: " + d));
                return TradebookCommand.BOOKS_DIFFER;
            }
            BooksJson.write(books, out);
            return 0;
        }
    }

    static Currency currencyOf(String code) {
        try {
            return Currency.of(code);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--currency: " + e.getMessage(), e);
        }
    }

    /** Reads {@code file} into balances-only books; refuses a missing file and the first malformed row. */
    static Books replay(Path file, Currency currency) throws IOException {
        Books books = Books.balancesOnly(currency);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            FillHistoryReader reader = new FillHistoryReader(in, currency, file.getFileName().toString());
            reader.readHeader();
            for (Row row = reader.next(); row != null; row = reader.next()) {
                if (row instanceof TradeRow t) {
                    books.apply(t.fill());
                } else if (row instanceof CashRow c) {
                    AccountBook book = books.account(c.account());
                    if (c.deposit()) {
                        book.deposit(c.amount(), c.time(), c.reference());
                    } else {
                        book.withdraw(c.amount(), c.time(), c.reference());
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new UserInputException("no such file: " + file, e);
        } catch (FillHistoryReader.MalformedRowException e) {
            throw new UserInputException(file + ": " + e.getMessage(), e);
        }
        return books;
    }
}
