package io.tradebook.store;

class PostgresGroupCommitTest extends GroupCommitContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
