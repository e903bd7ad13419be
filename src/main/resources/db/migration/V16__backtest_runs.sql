-- Backtests submitted through the API (issue 5): what was asked, how far the run has come, and
-- what it produced, so that a result survives a restart. The request is the submitted JSON as
-- accepted; result is the JSON of `tradebook backtest --json`, report the self-contained HTML
-- report, summary a small JSON of the headline figures. progress is a fraction 0..1.
-- A run is owned by its user and goes with them. heartbeat_at is renewed by the server process
-- working on a queued or running run; a run whose heartbeat has stopped (its process is gone) is
-- marked FAILED by whichever process looks next, so several processes can share the table.
CREATE TABLE backtest_runs (
    id          UUID                     DEFAULT ${uuid_default} NOT NULL,
    user_id     UUID                     NOT NULL,
    status      VARCHAR(10)              DEFAULT 'QUEUED' NOT NULL,
    progress    NUMERIC(7,6)             DEFAULT 0 NOT NULL,
    request     TEXT                     NOT NULL,
    summary     TEXT,
    result      TEXT,
    report      TEXT,
    error       TEXT,
    created_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE,
    heartbeat_at TIMESTAMP WITH TIME ZONE   DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_backtest_runs PRIMARY KEY (id),
    CONSTRAINT fk_backtest_runs_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_backtest_runs_status CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
    CONSTRAINT ck_backtest_runs_progress CHECK (progress >= 0 AND progress <= 1)
);
CREATE INDEX idx_backtest_runs_user ON backtest_runs (user_id, created_at DESC);
CREATE INDEX idx_backtest_runs_status ON backtest_runs (status);

-- The trade-idea analyser's volatility (annualised, a fraction), beside its return estimates and
-- risk level (seed 001 keeps the level but not the figure it came from).
ALTER TABLE trade_ideas ADD COLUMN volatility NUMERIC(20,10);

-- The order of an idea's legs as the user gave them (legs are shown and addressed as legs[0], legs[1]…).
ALTER TABLE trade_idea_legs ADD COLUMN leg_number INTEGER DEFAULT 0 NOT NULL;
