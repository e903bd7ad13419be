package io.tradebook.core.books;

class InMemoryBookKeeperTest extends BookKeeperContract {
    private final InMemoryBookKeeper keeper = new InMemoryBookKeeper(Books.keepingEntries(USD));

    @Override
    protected BookKeeper keeper() {
        return keeper;
    }

    @Override
    protected String openAccount(String name, String... strategies) {
        keeper.activate(name, strategies);
        return name;
    }
}
