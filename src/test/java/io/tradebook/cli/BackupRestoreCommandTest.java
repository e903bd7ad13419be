package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.Fill;
import io.tradebook.core.books.Side;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.store.AccountRepository;
import io.tradebook.store.Database;
import io.tradebook.store.DatabaseConfig;
import io.tradebook.store.JdbiBookKeeper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tradebook backup} and {@code restore} on an H2 file: back up, change, restore, and find the old state with clean books. */
class BackupRestoreCommandTest {
    private static final Instant T = Instant.parse("2026-03-02T14:30:00Z");
    private static final Currency USD = Currency.USD;
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("db/tradebook");
    }

    private void with(Consumer<Database> work) {
        try (Database db = Database.open(new DatabaseConfig(url(), "sa", ""))) {
            db.migrate();
            work.accept(db);
        }
    }

    private String account(Database db) {
        return new AccountRepository(db.jdbi()).listAccounts().stream().filter(a -> a.name().equals("main")).findFirst().orElseThrow()
                .id().toString();
    }

    private BigDecimal cash(Database db) {
        return new AccountRepository(db.jdbi()).findAccount(UUID.fromString(account(db))).orElseThrow().cash();
    }

    @Test
    void backUpChangeRestoreAndFindTheOldStateWithCleanBooks() throws Exception {
        with(db -> {
            AccountRepository accounts = new AccountRepository(db.jdbi());
            UUID user = accounts.findOrCreateUser("ada@example.com", "Ada");
            String a = accounts.openAccountWithStrategies(user, "main", "paper", "P-1", "CASH", "USD", "s").id().toString();
            JdbiBookKeeper keeper = new JdbiBookKeeper(db.jdbi());
            keeper.deposit(a, Money.of("10000", USD), T, "initial");
            keeper.record(Fill.of("t1", a, "s", "AAPL", Side.BUY, Quantity.of(10), Price.of("150", USD), Money.of("1", USD), T));
        });
        Path backup = dir.resolve("backups/tradebook.zip");
        CliRun made = CliRun.of("backup", "--db-url", url(), "--to", backup.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out()).contains("backed up", backup.toString());
        assertThat(Files.size(backup)).isPositive();

        with(db -> {
            JdbiBookKeeper keeper = new JdbiBookKeeper(db.jdbi());
            keeper.deposit(account(db), Money.of("5000", USD), T, "later");
            new AccountRepository(db.jdbi()).findOrCreateUser("later@example.com", "Later");
            assertThat(cash(db)).isEqualByComparingTo("13499");
        });

        CliRun refused = CliRun.of("restore", "--db-url", url(), "--from", backup.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("holds data", "--force");
        with(db -> assertThat(cash(db)).as("a refusal changes nothing").isEqualByComparingTo("13499"));

        CliRun restored = CliRun.of("restore", "--db-url", url(), "--from", backup.toString(), "--force");
        assertThat(restored.exitCode()).as(restored.out() + restored.err()).isZero();
        assertThat(restored.out()).contains("books agree", "1 accounts checked");
        with(db -> {
            assertThat(cash(db)).as("the state at the backup").isEqualByComparingTo("8499");
            int later = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users WHERE email = 'later@example.com'")
                    .mapTo(Integer.class).one());
            assertThat(later).isZero();
            assertThat(new JdbiBookKeeper(db.jdbi()).verify(account(db))).isEmpty();
        });

        Path elsewhere = dir.resolve("fresh/tradebook");
        CliRun intoEmpty = CliRun.of("restore", "--db-url", "jdbc:h2:file:" + elsewhere, "--from", backup.toString());
        assertThat(intoEmpty.exitCode()).as("a new place needs no --force: " + intoEmpty.err()).isZero();
    }

    @Test
    void badRequestsAreClearErrorsAndChangeNothing() throws Exception {
        with(db -> new AccountRepository(db.jdbi()).findOrCreateUser("ada@example.com", "Ada"));
        Path backup = dir.resolve("b.zip");
        assertThat(CliRun.of("backup", "--db-url", url(), "--to", backup.toString()).exitCode()).isZero();
        CliRun again = CliRun.of("backup", "--db-url", url(), "--to", backup.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("exists", "--force");
        assertThat(CliRun.of("backup", "--db-url", url(), "--to", backup.toString(), "--force").exitCode()).isZero();

        CliRun postgres = CliRun.of("backup", "--db-url", "jdbc:postgresql://127.0.0.1:5432/test", "--to", dir.resolve("pg.zip").toString());
        assertThat(postgres.exitCode()).isEqualTo(2);
        assertThat(postgres.err()).contains("docs/operations.md");
        CliRun memory = CliRun.of("backup", "--db-url", "jdbc:h2:mem:nothing", "--to", dir.resolve("mem.zip").toString());
        assertThat(memory.exitCode()).isEqualTo(2);
        assertThat(memory.err()).contains("in-memory");

        Path notZip = dir.resolve("notes.txt");
        Files.writeString(notZip, "not a backup");
        CliRun junk = CliRun.of("restore", "--db-url", url(), "--from", notZip.toString(), "--force");
        assertThat(junk.exitCode()).isEqualTo(2);
        assertThat(junk.err()).contains("not a Tradebook backup");
        CliRun missing = CliRun.of("restore", "--db-url", url(), "--from", dir.resolve("nope.zip").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no backup file");
        CliRun memoryTarget = CliRun.of("restore", "--db-url", "jdbc:h2:mem:x", "--from", backup.toString());
        assertThat(memoryTarget.exitCode()).isEqualTo(2);
        assertThat(memoryTarget.err()).contains("file database URL");
        with(db -> {
            int users = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Integer.class).one());
            assertThat(users).isEqualTo(1);
        });
    }
}
