package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.store.AccountRepository;
import io.tradebook.store.Database;
import io.tradebook.store.DatabaseConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ledger import, verify-books and db migrate against an H2 file of their own. */
class DatabaseCommandsTest {
    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void database() {
        url = "jdbc:h2:file:" + dir.resolve("tb").toAbsolutePath();
    }

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db-url";
        all[args.length + 1] = url;
        return CliRun.of(all);
    }

    private <T> T withDatabase(java.util.function.Function<Database, T> work) {
        try (Database db = Database.open(new DatabaseConfig(url, "sa", ""))) {
            return work.apply(db);
        }
    }

    @Test
    void importedBooksEqualTheReplayAndVerifyClean() {
        CliRun imported = run("ledger", "import", "samples/fills.csv", "--user", "ann@example.com");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 14 fills into 2 accounts of ann@example.com (0 rows were already recorded)");

        CliRun verified = run("verify-books");
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("books agree: 2 accounts checked (14 fills, 17 journal entries");

        BigDecimal cash = withDatabase(db -> {
            AccountRepository accounts = new AccountRepository(db.jdbi());
            var user = accounts.findOrCreateUser("ann@example.com", null);
            return accounts.findAccountByName(user, "main").orElseThrow().cash();
        });
        assertThat(cash).isEqualByComparingTo("95160.33"); // the same figure ledger replay prints
    }

    @Test
    void importingTheSameFileTwiceRecordsNothingTwice() {
        assertThat(run("ledger", "import", "samples/fills.csv").exitCode()).isZero();
        CliRun again = run("ledger", "import", "samples/fills.csv");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("imported 0 fills").contains("(17 rows were already recorded)");
        assertThat(run("verify-books").out()).contains("(14 fills, 17 journal entries");
    }

    @Test
    void verifyBooksListsEveryDifferenceAndExitsOne() {
        assertThat(run("ledger", "import", "samples/fills.csv").exitCode()).isZero();
        withDatabase(db -> db.jdbi().withHandle(h -> h.execute("UPDATE accounts SET cash_balance = cash_balance - 5 WHERE name = 'main'")));
        CliRun verified = run("verify-books");
        assertThat(verified.exitCode()).isEqualTo(1);
        assertThat(verified.out()).contains("DIFFERENCE account main: cached cash: stored 95155.33, derived 95160.33")
                .contains("books differ: 1 differences in 2 accounts checked");
        CliRun onlyCrypto = run("verify-books", "--account", "crypto");
        assertThat(onlyCrypto.exitCode()).isZero();
        assertThat(run("verify-books", "--account", "nope").exitCode()).isEqualTo(2);
    }

    @Test
    void aMalformedFileImportsNothing() throws IOException {
        assertThat(run("db", "migrate").exitCode()).isZero();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "time,account,strategy,symbol,side,quantity,price,fee\n"
                + "2024-01-02,A,,,DEPOSIT,100,,\n2024-01-02,A,s,AAPL,BUY,1,10,0\n2024-01-02,A,s,AAPL,SELL,1,ten,0\n");
        CliRun imported = run("ledger", "import", bad.toString());
        assertThat(imported.exitCode()).isEqualTo(2);
        assertThat(imported.err()).contains("row 3 (line 4)").contains("nothing was imported");
        int accounts = withDatabase(db -> db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Integer.class).one()));
        assertThat(accounts).isZero();
    }

    @Test
    void migrateReportsTheSchemaVersionAndABadUrlIsAClearError() {
        CliRun migrated = run("db", "migrate");
        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(migrated.out()).contains("(H2) is at schema version");
        CliRun bad = CliRun.of("verify-books", "--db-url", "jdbc:nosuchdb://x");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("cannot open the database");
    }
}
