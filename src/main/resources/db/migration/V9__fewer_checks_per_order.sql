-- Tradebook schema, part 9: two foreign keys that every order paid for and that checked nothing
-- the others do not.
--
-- A journal posting already names its entry together with the entry's account
-- (fk_journal_postings_entry on (entry_id, account_id)), and the entry's account must exist
-- (fk_journal_entries_account); a round trip already names its lifecycle together with the
-- lifecycle's account (fk_round_trips_holding on (holding_id, account_id)), whose account must
-- exist (fk_holdings_account). Deleting an account still removes both: entries and lifecycles go
-- with the account, and postings and round trips go with them (ON DELETE CASCADE).
ALTER TABLE journal_postings DROP CONSTRAINT fk_journal_postings_account;
ALTER TABLE round_trips DROP CONSTRAINT fk_round_trips_account;
