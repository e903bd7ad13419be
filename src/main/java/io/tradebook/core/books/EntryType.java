package io.tradebook.core.books;

/** Why a journal entry was posted; names match {@code journal_entries.entry_type}. */
public enum EntryType {
    /** Cash paid in by the owner. */
    DEPOSIT,
    /** Cash taken out by the owner. */
    WITHDRAWAL,
    /** An execution: cash against position cost, realized P&L and fees. */
    FILL,
    /** Cash moved from the shared pool into a strategy's segregated budget. */
    ALLOCATION,
    /** Cash moved from a strategy's budget back to the shared pool. */
    RELEASE
}
