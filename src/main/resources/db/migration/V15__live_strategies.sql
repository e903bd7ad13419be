-- Live strategies (issue 5, "Live"): what an activation trades, and the replays of stored bars
-- that feed live strategies (docs/strategies.md, "Live").
--
-- An activation runs its strategy on the symbols and timeframe stored with it (the strategy's own
-- when these are empty/NULL). A replay pushes one security's stored bars of one timeframe into the
-- paper feed at a speed in bars per second; its progress (the time of the last bar pushed) is kept
-- so that a restarted server carries on where it stopped.
ALTER TABLE strategy_activations ADD COLUMN symbols ${json} DEFAULT '[]' NOT NULL;
ALTER TABLE strategy_activations ADD COLUMN timeframe VARCHAR(3);

CREATE TABLE market_replays (
    id             UUID                     DEFAULT ${uuid_default} NOT NULL,
    symbol         VARCHAR(50)              NOT NULL,
    timeframe      VARCHAR(3)               NOT NULL,
    speed          NUMERIC(20,6)            NOT NULL,
    from_time      TIMESTAMP WITH TIME ZONE,
    to_time        TIMESTAMP WITH TIME ZONE,
    replayed_until TIMESTAMP WITH TIME ZONE,
    bars_replayed  BIGINT                   DEFAULT 0 NOT NULL,
    status         VARCHAR(10)              DEFAULT 'RUNNING' NOT NULL,
    created_by     UUID,
    created_at     TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_market_replays PRIMARY KEY (id),
    CONSTRAINT fk_market_replays_user FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_market_replays_status CHECK (status IN ('RUNNING', 'DONE', 'CANCELLED')),
    CONSTRAINT ck_market_replays_speed CHECK (speed > 0),
    CONSTRAINT ck_market_replays_bars CHECK (bars_replayed >= 0)
);
CREATE INDEX idx_market_replays_status ON market_replays (status);
