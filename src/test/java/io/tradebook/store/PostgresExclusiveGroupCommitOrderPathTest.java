package io.tradebook.store;

/** The order path on the group-commit store of a single process (writing behind), in Postgres. */
class PostgresExclusiveGroupCommitOrderPathTest extends DatabaseOrderPathContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    protected boolean groupCommit() {
        return true;
    }

    @Override
    protected boolean exclusive() {
        return true;
    }
}
