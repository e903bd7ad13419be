-- Tradebook schema, part 3: strategy activations, orders, fills, the double-entry journal,
-- holdings per strategy, trading sessions and round trips.
--
-- Consistency keys: a row that names both an account and a strategy activation (or an order, a
-- fill, a holding, a journal entry) references the pair, e.g. (strategy_activation_id, account_id)
-- -> strategy_activations (id, account_id), so a book entry can never be attributed to another
-- account's strategy. A nullable reference is checked only when it is present (MATCH SIMPLE).
--
-- The account_id -> accounts ON DELETE CASCADE keys are added at the END of this file, in a
-- fixed order. H2 cascades a delete through the referencing tables in the order their keys were
-- created and checks NO ACTION keys immediately, so tables that point at another book table
-- (fills -> orders, journal_entries -> fills, ...) must be emptied first. PostgreSQL checks NO
-- ACTION keys at the end of the statement and does not care. The contract test deletes a user
-- with a full book on both databases.

-- Strategy activations (seed 004 user_strategies). allocation_amount NULL = the strategy draws on
-- the account's shared cash pool; set = a segregated budget whose cached balance is cash_balance.
CREATE TABLE strategy_activations (
    id                UUID                     DEFAULT ${uuid_default} NOT NULL,
    account_id        UUID                     NOT NULL,
    strategy_id       UUID                     NOT NULL,
    name              VARCHAR(100)             NOT NULL,
    status            VARCHAR(10)              DEFAULT 'ACTIVE' NOT NULL,
    allocation_amount NUMERIC(38,20),
    cash_balance      NUMERIC(38,20),
    custom_parameters ${json}                  DEFAULT '{}',
    total_orders      INTEGER                  DEFAULT 0 NOT NULL,
    successful_orders INTEGER                  DEFAULT 0 NOT NULL,
    total_pnl         NUMERIC(38,20)           DEFAULT 0 NOT NULL,
    activated_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    deactivated_at    TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_strategy_activations PRIMARY KEY (id),
    -- Also serves as the seed's idx_user_strategies_user_id (account_id leads).
    CONSTRAINT uq_strategy_activations_account_name UNIQUE (account_id, name),
    CONSTRAINT uq_strategy_activations_id_account UNIQUE (id, account_id),
    CONSTRAINT fk_strategy_activations_strategy FOREIGN KEY (strategy_id) REFERENCES strategies (id),
    CONSTRAINT ck_strategy_activations_status CHECK (status IN ('ACTIVE', 'PAUSED', 'STOPPED')),
    CONSTRAINT ck_strategy_activations_allocation_amount CHECK (allocation_amount IS NULL OR allocation_amount >= 0),
    CONSTRAINT ck_strategy_activations_budget CHECK ((allocation_amount IS NULL AND cash_balance IS NULL)
        OR (allocation_amount IS NOT NULL AND cash_balance IS NOT NULL)),
    CONSTRAINT ck_strategy_activations_counters CHECK (total_orders >= 0 AND successful_orders >= 0)
);
CREATE INDEX idx_strategy_activations_status ON strategy_activations (status);
CREATE INDEX idx_strategy_activations_strategy ON strategy_activations (strategy_id);

-- Orders (seed 002 orders, seed 004 orders, seed 000 trades.status). client_order_id makes a
-- submit idempotent per account; NULLs are distinct, so orders without one never collide.
-- filled_notional is the exact sum of quantity * price over the order's fills; avg_fill_price
-- (filled_notional / filled_quantity, rounded to 12 decimals) is derived from it for readers.
CREATE TABLE orders (
    id                     UUID                     DEFAULT ${uuid_default} NOT NULL,
    account_id             UUID                     NOT NULL,
    strategy_activation_id UUID,
    security_id            UUID,
    symbol                 VARCHAR(50)              NOT NULL,
    client_order_id        VARCHAR(100),
    side                   VARCHAR(4)               NOT NULL,
    order_type             VARCHAR(10)              NOT NULL,
    time_in_force          VARCHAR(3)               DEFAULT 'DAY' NOT NULL,
    quantity               NUMERIC(30,8)            NOT NULL,
    limit_price            NUMERIC(30,12),
    stop_price             NUMERIC(30,12),
    filled_quantity        NUMERIC(30,8)            DEFAULT 0 NOT NULL,
    filled_notional        NUMERIC(38,20)           DEFAULT 0 NOT NULL,
    avg_fill_price         NUMERIC(30,12),
    status                 VARCHAR(20)              DEFAULT 'PENDING' NOT NULL,
    broker_order_id        VARCHAR(100),
    error_message          TEXT,
    retry_count            INTEGER                  DEFAULT 0 NOT NULL,
    reject_reason          VARCHAR(100),
    confidence             NUMERIC(5,4),
    reserved_cash          NUMERIC(38,20)           DEFAULT 0 NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    placed_at              TIMESTAMP WITH TIME ZONE,
    done_at                TIMESTAMP WITH TIME ZONE,
    version                BIGINT                   DEFAULT 0 NOT NULL,
    CONSTRAINT pk_orders PRIMARY KEY (id),
    CONSTRAINT uq_orders_client_order_id UNIQUE (account_id, client_order_id),
    CONSTRAINT uq_orders_id_account UNIQUE (id, account_id),
    CONSTRAINT fk_orders_strategy_activation FOREIGN KEY (strategy_activation_id, account_id)
        REFERENCES strategy_activations (id, account_id),
    CONSTRAINT fk_orders_security FOREIGN KEY (security_id) REFERENCES securities (id),
    CONSTRAINT ck_orders_side CHECK (side IN ('BUY', 'SELL')),
    CONSTRAINT ck_orders_order_type CHECK (order_type IN ('MARKET', 'LIMIT', 'STOP_LOSS', 'STOP_LIMIT')),
    CONSTRAINT ck_orders_time_in_force CHECK (time_in_force IN ('DAY', 'GTC', 'IOC', 'FOK')),
    CONSTRAINT ck_orders_status CHECK (status IN
        ('PENDING', 'PLACED', 'PARTIALLY_FILLED', 'FILLED', 'REJECTED', 'CANCELLED', 'EXPIRED')),
    CONSTRAINT ck_orders_quantity CHECK (quantity > 0),
    CONSTRAINT ck_orders_filled_quantity CHECK (filled_quantity >= 0 AND filled_quantity <= quantity),
    CONSTRAINT ck_orders_limit_price CHECK ((limit_price IS NULL OR limit_price >= 0)
        AND (order_type NOT IN ('LIMIT', 'STOP_LIMIT') OR limit_price IS NOT NULL)),
    CONSTRAINT ck_orders_stop_price CHECK ((stop_price IS NULL OR stop_price >= 0)
        AND (order_type NOT IN ('STOP_LOSS', 'STOP_LIMIT') OR stop_price IS NOT NULL)),
    CONSTRAINT ck_orders_filled_notional CHECK (filled_notional >= 0),
    CONSTRAINT ck_orders_avg_fill_price CHECK (avg_fill_price IS NULL OR avg_fill_price >= 0),
    CONSTRAINT ck_orders_retry_count CHECK (retry_count >= 0),
    CONSTRAINT ck_orders_confidence CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
    CONSTRAINT ck_orders_reserved_cash CHECK (reserved_cash >= 0),
    CONSTRAINT ck_orders_version CHECK (version >= 0)
);
-- Seed 004's idx_orders_user_id, keyed by the Tradebook owner (account) and ordered by time.
CREATE INDEX idx_orders_account_id ON orders (account_id, created_at);
CREATE INDEX idx_orders_symbol ON orders (symbol);
CREATE INDEX idx_orders_status ON orders (status);
CREATE INDEX idx_orders_created_at ON orders (created_at);
CREATE INDEX idx_orders_strategy_activation ON orders (strategy_activation_id);
CREATE INDEX idx_orders_broker_order ON orders (account_id, broker_order_id);
CREATE INDEX idx_orders_security ON orders (security_id);

-- Every order state transition, in order (the seed's "real-time order status", made durable).
CREATE TABLE order_events (
    id              BIGINT GENERATED BY DEFAULT AS IDENTITY,
    order_id        UUID                     NOT NULL,
    from_status     VARCHAR(20),
    to_status       VARCHAR(20)              NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    broker_order_id VARCHAR(100),
    message         TEXT,
    retry_count     INTEGER                  DEFAULT 0 NOT NULL,
    CONSTRAINT pk_order_events PRIMARY KEY (id),
    CONSTRAINT fk_order_events_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT ck_order_events_from_status CHECK (from_status IS NULL OR from_status IN
        ('PENDING', 'PLACED', 'PARTIALLY_FILLED', 'FILLED', 'REJECTED', 'CANCELLED', 'EXPIRED')),
    CONSTRAINT ck_order_events_to_status CHECK (to_status IN
        ('PENDING', 'PLACED', 'PARTIALLY_FILLED', 'FILLED', 'REJECTED', 'CANCELLED', 'EXPIRED')),
    CONSTRAINT ck_order_events_retry_count CHECK (retry_count >= 0)
);
CREATE INDEX idx_order_events_order ON order_events (order_id, id);

-- Fills (seed 000 trades, seed 002 trades): what happened, the source of truth for the books.
-- total_cost is the cash moved, exactly: quantity * price + fee for a buy, - fee for a sell
-- (scale 8 + scale 12 = scale 20, so the product always fits NUMERIC(38,20) without rounding).
CREATE TABLE fills (
    id                     BIGINT GENERATED BY DEFAULT AS IDENTITY,
    account_id             UUID                     NOT NULL,
    strategy_activation_id UUID                     NOT NULL,
    order_id               UUID,
    security_id            UUID,
    symbol                 VARCHAR(50)              NOT NULL,
    side                   VARCHAR(4)               NOT NULL,
    quantity               NUMERIC(30,8)            NOT NULL,
    price                  NUMERIC(30,12)           NOT NULL,
    fee                    NUMERIC(38,20)           DEFAULT 0 NOT NULL,
    total_cost             NUMERIC(38,20)           NOT NULL,
    currency               VARCHAR(10)              NOT NULL,
    broker_trade_id        VARCHAR(200)             NOT NULL,
    broker_order_id        VARCHAR(100),
    confidence             NUMERIC(5,4),
    executed_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_fills PRIMARY KEY (id),
    CONSTRAINT uq_fills_broker_trade UNIQUE (account_id, broker_trade_id),
    CONSTRAINT uq_fills_id_account UNIQUE (id, account_id),
    CONSTRAINT fk_fills_strategy_activation FOREIGN KEY (strategy_activation_id, account_id)
        REFERENCES strategy_activations (id, account_id),
    CONSTRAINT fk_fills_order FOREIGN KEY (order_id, account_id) REFERENCES orders (id, account_id),
    CONSTRAINT fk_fills_security FOREIGN KEY (security_id) REFERENCES securities (id),
    CONSTRAINT ck_fills_side CHECK (side IN ('BUY', 'SELL')),
    CONSTRAINT ck_fills_quantity CHECK (quantity > 0),
    CONSTRAINT ck_fills_price CHECK (price >= 0),
    CONSTRAINT ck_fills_fee CHECK (fee >= 0),
    CONSTRAINT ck_fills_total_cost CHECK ((side <> 'BUY' OR total_cost = quantity * price + fee)
        AND (side <> 'SELL' OR total_cost = quantity * price - fee)),
    CONSTRAINT ck_fills_confidence CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1))
);
CREATE INDEX idx_fills_account_executed ON fills (account_id, executed_at);
CREATE INDEX idx_fills_order ON fills (order_id);
CREATE INDEX idx_fills_strategy_activation ON fills (strategy_activation_id, executed_at);

-- Double-entry journal. An entry's postings sum to zero (checked by the books and their
-- property tests; SQL cannot check a sum over rows without triggers). A FILL entry names its fill.
CREATE TABLE journal_entries (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY,
    account_id  UUID                     NOT NULL,
    entry_type  VARCHAR(20)              NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    fill_id     BIGINT,
    description VARCHAR(500),
    CONSTRAINT pk_journal_entries PRIMARY KEY (id),
    CONSTRAINT uq_journal_entries_fill UNIQUE (fill_id),
    CONSTRAINT uq_journal_entries_id_account UNIQUE (id, account_id),
    CONSTRAINT fk_journal_entries_fill FOREIGN KEY (fill_id, account_id) REFERENCES fills (id, account_id),
    CONSTRAINT ck_journal_entries_entry_type CHECK (entry_type IN
        ('DEPOSIT', 'WITHDRAWAL', 'FILL', 'ALLOCATION', 'RELEASE')),
    CONSTRAINT ck_journal_entries_entry_type_fill CHECK ((entry_type = 'FILL' AND fill_id IS NOT NULL)
        OR (entry_type <> 'FILL' AND fill_id IS NULL))
);
CREATE INDEX idx_journal_entries_account ON journal_entries (account_id, id);

-- Postings: signed amounts, debit positive, credit negative. account_id is copied from the entry
-- (the composite key keeps the copy honest) so per-account sums need no join. CASH without a
-- strategy is the shared pool, with one a segregated budget; CASH and CAPITAL have no symbol.
CREATE TABLE journal_postings (
    id                     BIGINT GENERATED BY DEFAULT AS IDENTITY,
    entry_id               BIGINT                   NOT NULL,
    account_id             UUID                     NOT NULL,
    ledger_account         VARCHAR(20)              NOT NULL,
    strategy_activation_id UUID,
    symbol                 VARCHAR(50),
    amount                 NUMERIC(38,20)           NOT NULL,
    currency               VARCHAR(10)              NOT NULL,
    CONSTRAINT pk_journal_postings PRIMARY KEY (id),
    CONSTRAINT fk_journal_postings_entry FOREIGN KEY (entry_id, account_id)
        REFERENCES journal_entries (id, account_id) ON DELETE CASCADE,
    CONSTRAINT fk_journal_postings_strategy_activation FOREIGN KEY (strategy_activation_id, account_id)
        REFERENCES strategy_activations (id, account_id),
    CONSTRAINT ck_journal_postings_ledger_account CHECK (ledger_account IN
        ('CASH', 'CAPITAL', 'POSITION_COST', 'TRADING_PNL', 'FEES')),
    CONSTRAINT ck_journal_postings_ledger_account_dimensions CHECK (
        (ledger_account NOT IN ('POSITION_COST', 'TRADING_PNL', 'FEES')
            OR (strategy_activation_id IS NOT NULL AND symbol IS NOT NULL))
        AND (ledger_account <> 'CAPITAL' OR (strategy_activation_id IS NULL AND symbol IS NULL))
        AND (ledger_account <> 'CASH' OR symbol IS NULL))
);
CREATE INDEX idx_journal_postings_account_ledger ON journal_postings (account_id, ledger_account);
CREATE INDEX idx_journal_postings_entry ON journal_postings (entry_id);
CREATE INDEX idx_journal_postings_strategy ON journal_postings (strategy_activation_id, ledger_account);

-- Holdings per strategy (seed 000 strategies_holdings, seed 001 portfolio_holdings, seed 004
-- positions): one row per position lifecycle. open_marker is 1 while OPEN and NULL once CLOSED, so
-- the UNIQUE key below allows one OPEN lifecycle per (account, strategy, symbol) and any number of
-- CLOSED ones (NULLs are distinct) - a partial unique index without partial-index support.
CREATE TABLE holdings (
    id                     UUID                     DEFAULT ${uuid_default} NOT NULL,
    account_id             UUID                     NOT NULL,
    strategy_activation_id UUID                     NOT NULL,
    security_id            UUID,
    symbol                 VARCHAR(50)              NOT NULL,
    side                   VARCHAR(5)               NOT NULL,
    quantity               NUMERIC(30,8)            NOT NULL,
    average_price          NUMERIC(30,12)           NOT NULL,
    cost_basis             NUMERIC(38,20)           NOT NULL,
    realized_pnl           NUMERIC(38,20)           DEFAULT 0 NOT NULL,
    fees                   NUMERIC(38,20)           DEFAULT 0 NOT NULL,
    entry_quantity         NUMERIC(30,8)            NOT NULL,
    entry_cost             NUMERIC(38,20)           NOT NULL,
    exit_quantity          NUMERIC(30,8)            DEFAULT 0 NOT NULL,
    exit_proceeds          NUMERIC(38,20)           DEFAULT 0 NOT NULL,
    entry_confidence       NUMERIC(5,4),
    current_price          NUMERIC(30,12),
    market_value           NUMERIC(38,20),
    unrealized_pnl         NUMERIC(38,20),
    status                 VARCHAR(6)               NOT NULL,
    open_marker            SMALLINT,
    opened_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at              TIMESTAMP WITH TIME ZONE,
    opening_order_id       UUID,
    created_at             TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    last_synced_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_holdings PRIMARY KEY (id),
    CONSTRAINT uq_holdings_one_open UNIQUE (account_id, strategy_activation_id, symbol, open_marker),
    CONSTRAINT uq_holdings_id_account UNIQUE (id, account_id),
    CONSTRAINT fk_holdings_strategy_activation FOREIGN KEY (strategy_activation_id, account_id)
        REFERENCES strategy_activations (id, account_id),
    CONSTRAINT fk_holdings_security FOREIGN KEY (security_id) REFERENCES securities (id),
    CONSTRAINT fk_holdings_opening_order FOREIGN KEY (opening_order_id, account_id)
        REFERENCES orders (id, account_id),
    CONSTRAINT ck_holdings_side CHECK (side IN ('LONG', 'SHORT')),
    CONSTRAINT ck_holdings_status CHECK (status IN ('OPEN', 'CLOSED')),
    -- "open_marker IS NOT NULL" matters: NULL = 1 is UNKNOWN, and a CHECK lets UNKNOWN through.
    CONSTRAINT ck_holdings_status_marker CHECK (
        (status = 'OPEN' AND open_marker IS NOT NULL AND open_marker = 1 AND closed_at IS NULL)
        OR (status = 'CLOSED' AND open_marker IS NULL AND closed_at IS NOT NULL)),
    CONSTRAINT ck_holdings_status_quantity CHECK ((status = 'OPEN' AND quantity > 0)
        OR (status = 'CLOSED' AND quantity = 0)),
    CONSTRAINT ck_holdings_quantity CHECK (quantity >= 0),
    CONSTRAINT ck_holdings_average_price CHECK (average_price >= 0),
    CONSTRAINT ck_holdings_cost_basis CHECK (cost_basis >= 0),
    CONSTRAINT ck_holdings_fees CHECK (fees >= 0),
    CONSTRAINT ck_holdings_entry_confidence CHECK (entry_confidence IS NULL
        OR (entry_confidence >= 0 AND entry_confidence <= 1)),
    CONSTRAINT ck_holdings_entry_exit CHECK (entry_quantity >= 0 AND entry_cost >= 0
        AND exit_quantity >= 0 AND exit_proceeds >= 0)
);
-- Seed 004's idx_positions_user_id / _symbol / _status, keyed by account.
CREATE INDEX idx_holdings_account_id ON holdings (account_id, status);
CREATE INDEX idx_holdings_symbol ON holdings (symbol);
CREATE INDEX idx_holdings_status ON holdings (status);
CREATE INDEX idx_holdings_strategy_activation ON holdings (strategy_activation_id, status);
CREATE INDEX idx_holdings_opening_order ON holdings (opening_order_id);
-- Seed 001's idx_holdings_security (portfolio_holdings.security_id).
CREATE INDEX idx_holdings_security ON holdings (security_id);

-- Trading sessions (seed 003 trading_sessions, seed 004 trading_sessions).
CREATE TABLE trading_sessions (
    id                     UUID                     DEFAULT ${uuid_default} NOT NULL,
    account_id             UUID                     NOT NULL,
    user_id                UUID                     NOT NULL,
    strategy_activation_id UUID,
    started_at             TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    ended_at               TIMESTAMP WITH TIME ZONE,
    capital_at_start       NUMERIC(38,20)           NOT NULL,
    capital_at_end         NUMERIC(38,20),
    total_pnl              NUMERIC(38,20),
    max_drawdown           NUMERIC(38,20)           DEFAULT 0 NOT NULL,
    total_orders           INTEGER                  DEFAULT 0 NOT NULL,
    successful_orders      INTEGER                  DEFAULT 0 NOT NULL,
    trades_count           INTEGER                  DEFAULT 0 NOT NULL,
    status                 VARCHAR(10)              DEFAULT 'ACTIVE' NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_trading_sessions PRIMARY KEY (id),
    CONSTRAINT fk_trading_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_trading_sessions_strategy_activation FOREIGN KEY (strategy_activation_id, account_id)
        REFERENCES strategy_activations (id, account_id),
    CONSTRAINT ck_trading_sessions_status CHECK (status IN ('ACTIVE', 'COMPLETED')),
    CONSTRAINT ck_trading_sessions_status_ended CHECK ((status = 'ACTIVE' AND ended_at IS NULL)
        OR (status = 'COMPLETED' AND ended_at IS NOT NULL)),
    CONSTRAINT ck_trading_sessions_period CHECK (ended_at IS NULL OR ended_at >= started_at),
    CONSTRAINT ck_trading_sessions_max_drawdown CHECK (max_drawdown >= 0),
    CONSTRAINT ck_trading_sessions_counters CHECK (total_orders >= 0 AND successful_orders >= 0
        AND trades_count >= 0)
);
CREATE INDEX idx_trading_sessions_user_id ON trading_sessions (user_id);
CREATE INDEX idx_trading_sessions_status ON trading_sessions (status);
CREATE INDEX idx_trading_sessions_account ON trading_sessions (account_id, started_at);

-- Round trips (seed 003 trades): one per holding lifecycle, the basis of win rate and profit
-- factor. A session may be purged by retention; its round trips stay, unlinked.
CREATE TABLE round_trips (
    id                     UUID                     DEFAULT ${uuid_default} NOT NULL,
    account_id             UUID                     NOT NULL,
    strategy_activation_id UUID                     NOT NULL,
    holding_id             UUID                     NOT NULL,
    session_id             UUID,
    symbol                 VARCHAR(50)              NOT NULL,
    direction              VARCHAR(5)               NOT NULL,
    entry_price            NUMERIC(30,12)           NOT NULL,
    exit_price             NUMERIC(30,12),
    size                   NUMERIC(30,8)            NOT NULL,
    entry_time             TIMESTAMP WITH TIME ZONE NOT NULL,
    exit_time              TIMESTAMP WITH TIME ZONE,
    pnl                    NUMERIC(38,20),
    fees                   NUMERIC(38,20)           DEFAULT 0 NOT NULL,
    status                 VARCHAR(6)               NOT NULL,
    ai_confidence          NUMERIC(5,4),
    created_at             TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_round_trips PRIMARY KEY (id),
    CONSTRAINT uq_round_trips_holding UNIQUE (holding_id),
    CONSTRAINT fk_round_trips_holding FOREIGN KEY (holding_id, account_id)
        REFERENCES holdings (id, account_id) ON DELETE CASCADE,
    CONSTRAINT fk_round_trips_strategy_activation FOREIGN KEY (strategy_activation_id, account_id)
        REFERENCES strategy_activations (id, account_id),
    CONSTRAINT fk_round_trips_session FOREIGN KEY (session_id) REFERENCES trading_sessions (id) ON DELETE SET NULL,
    CONSTRAINT ck_round_trips_direction CHECK (direction IN ('LONG', 'SHORT')),
    CONSTRAINT ck_round_trips_status CHECK (status IN ('OPEN', 'CLOSED')),
    CONSTRAINT ck_round_trips_status_exit CHECK (
        (status = 'OPEN' AND exit_price IS NULL AND exit_time IS NULL)
        OR (status = 'CLOSED' AND exit_price IS NOT NULL AND exit_time IS NOT NULL)),
    CONSTRAINT ck_round_trips_prices CHECK (entry_price >= 0 AND (exit_price IS NULL OR exit_price >= 0)),
    CONSTRAINT ck_round_trips_size CHECK (size > 0),
    CONSTRAINT ck_round_trips_period CHECK (exit_time IS NULL OR exit_time >= entry_time),
    CONSTRAINT ck_round_trips_fees CHECK (fees >= 0),
    CONSTRAINT ck_round_trips_ai_confidence CHECK (ai_confidence IS NULL
        OR (ai_confidence >= 0 AND ai_confidence <= 1))
);
-- Seed 003's idx_trades_session and idx_trades_strategy.
CREATE INDEX idx_round_trips_session ON round_trips (session_id);
CREATE INDEX idx_round_trips_strategy ON round_trips (strategy_activation_id, exit_time);
CREATE INDEX idx_round_trips_account ON round_trips (account_id, entry_time);

-- An API key narrowed to one strategy dies with it: clearing the link would widen the key.
ALTER TABLE api_keys ADD CONSTRAINT fk_api_keys_strategy_activation
    FOREIGN KEY (strategy_activation_id) REFERENCES strategy_activations (id) ON DELETE CASCADE;
CREATE INDEX idx_api_keys_strategy_activation ON api_keys (strategy_activation_id);

-- Account ownership, in cascade order (see the note at the top): leaves first, activations last.
ALTER TABLE journal_postings ADD CONSTRAINT fk_journal_postings_account
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;
ALTER TABLE journal_entries ADD CONSTRAINT fk_journal_entries_account
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;
ALTER TABLE round_trips ADD CONSTRAINT fk_round_trips_account
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;
ALTER TABLE holdings ADD CONSTRAINT fk_holdings_account
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;
ALTER TABLE fills ADD CONSTRAINT fk_fills_account
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;
ALTER TABLE trading_sessions ADD CONSTRAINT fk_trading_sessions_account
    FOREIGN KEY (account_id, user_id) REFERENCES accounts (id, user_id) ON DELETE CASCADE;
ALTER TABLE orders ADD CONSTRAINT fk_orders_account
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;
ALTER TABLE strategy_activations ADD CONSTRAINT fk_strategy_activations_account
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;
