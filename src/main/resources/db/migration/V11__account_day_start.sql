-- The start of an account's trading day, for its day return (docs/api.md, "Accounts").
--
-- An account's day starts at its first valuation on a UTC date: opening the account, or the first
-- time its equity is computed on that date (reading it through the API). The equity and the net
-- deposits at that moment are kept, so that the day's P&L is
--   (equity now - net deposits now) - (day_start_equity - day_start_net_deposits)
-- and a deposit during the day is not mistaken for a gain. The first writer of a date wins
-- (a conditional UPDATE), so several server processes agree on one day start.
ALTER TABLE accounts ADD COLUMN day_start_equity NUMERIC(38,20);
ALTER TABLE accounts ADD COLUMN day_start_net_deposits NUMERIC(38,20);
ALTER TABLE accounts ADD COLUMN day_started_at TIMESTAMP WITH TIME ZONE;
