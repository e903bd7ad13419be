package io.tradebook.store;

/** The book keeper contract on the group-commit store's books, in Postgres. */
class PostgresGroupCommitBookKeeperTest extends DatabaseBookKeeperContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    protected boolean groupCommit() {
        return true;
    }
}
