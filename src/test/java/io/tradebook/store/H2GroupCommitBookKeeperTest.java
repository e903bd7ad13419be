package io.tradebook.store;

/** The book keeper contract on the group-commit store's books, in H2. */
class H2GroupCommitBookKeeperTest extends DatabaseBookKeeperContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }

    @Override
    protected boolean groupCommit() {
        return true;
    }
}
