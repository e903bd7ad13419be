package io.tradebook.store;

class PostgresSecurityRepositoryTest extends SecurityRepositoryContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
