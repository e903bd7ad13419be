package io.tradebook.core.execution;

import io.tradebook.core.books.Books;
import io.tradebook.core.books.InMemoryBookKeeper;

class InMemoryExecutionStoreTest extends ExecutionStoreContract {
    private final InMemoryExecutionStore store = new InMemoryExecutionStore(new InMemoryBookKeeper(Books.keepingEntries(USD)));

    @Override
    protected ExecutionStore store() {
        return store;
    }

    @Override
    protected String openAccount(String name, String... strategies) {
        store.books().activate(name, strategies);
        return name;
    }
}
