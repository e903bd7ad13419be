package io.tradebook.core.execution;

import io.tradebook.core.books.Books;
import io.tradebook.core.books.InMemoryBookKeeper;

class InMemoryOrderPathTest extends OrderPathContract {
    @Override
    protected ExecutionStore newStore() {
        return new InMemoryExecutionStore(new InMemoryBookKeeper(Books.keepingEntries(USD)));
    }

    @Override
    protected String openAccount(ExecutionStore store, String... strategies) {
        ((InMemoryBookKeeper) store.books()).activate("paper", strategies);
        return "paper";
    }
}
