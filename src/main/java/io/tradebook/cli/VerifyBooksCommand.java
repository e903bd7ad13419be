package io.tradebook.cli;

import io.tradebook.store.AccountRepository;
import io.tradebook.store.AccountRepository.Account;
import io.tradebook.store.Database;
import io.tradebook.store.JdbiBookKeeper;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tradebook verify-books}: recomputes every account's books from its journal and fills in
 * the configured database and lists every difference. Exit 0 when all agree, 1 when any differ.
 */
@Command(name = "verify-books", description = {
    "Recompute the books from the journal and the fills in the configured database and list every difference.",
    "Exit code 0 when the books agree, 1 when any differ."})
final class VerifyBooksCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DatabaseOptions db;

    @Option(names = "--account", description = "Check only the account with this name or id.")
    String account;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Database database = db.openMigrated()) {
            AccountRepository accounts = new AccountRepository(database.jdbi());
            JdbiBookKeeper keeper = new JdbiBookKeeper(database.jdbi());
            List<Account> selected = accounts.listAccounts().stream()
                    .filter(a -> account == null || a.name().equals(account) || a.id().toString().equals(account))
                    .toList();
            if (account != null && selected.isEmpty()) {
                throw new UserInputException("no account named or with id '" + account + "'");
            }
            int differences = 0;
            for (Account a : selected) {
                List<String> found = keeper.verify(a.id().toString());
                found.forEach(d -> out.println("DIFFERENCE " + d));
                differences += found.size();
            }
            long fills = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM fills").mapTo(Long.class).one());
            long entries = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM journal_entries").mapTo(Long.class).one());
            if (differences == 0) {
                out.printf("books agree: %d accounts checked (%d fills, %d journal entries in the database)%n", selected.size(), fills, entries);
                return 0;
            }
            out.printf("books differ: %d differences in %d accounts checked%n", differences, selected.size());
            return TradebookCommand.BOOKS_DIFFER;
        }
    }
}
