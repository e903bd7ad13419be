package io.tradebook.store;

/** The order path on the group-commit store, in Postgres. */
class PostgresGroupCommitOrderPathTest extends DatabaseOrderPathContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    protected boolean groupCommit() {
        return true;
    }
}
