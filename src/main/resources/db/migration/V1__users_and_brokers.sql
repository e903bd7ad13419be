-- Tradebook schema, part 1: users, logins and broker connections.
--
-- Portability rules for every migration (PostgreSQL 15+ and H2 2.3 in MODE=PostgreSQL):
--   * ${uuid_default} and ${json} are Flyway placeholders set by io.tradebook.store.Database.
--   * A column's DEFAULT comes before NOT NULL / CHECK (H2 requires that order).
--   * No partial or expression indexes, no triggers; every constraint is named so that both
--     databases report the same name when it is violated (H2 needs names unique per schema).
--   * updated_at is maintained by the application, not by triggers.

CREATE TABLE users (
    id                   UUID                     DEFAULT ${uuid_default} NOT NULL,
    email                VARCHAR(255),
    phone_number         VARCHAR(20),
    full_name            VARCHAR(255),
    password_hash        VARCHAR(255),
    role                 VARCHAR(10)              DEFAULT 'USER' NOT NULL,
    is_active            BOOLEAN                  DEFAULT TRUE NOT NULL,
    is_verified          BOOLEAN                  DEFAULT FALSE NOT NULL,
    preferences          ${json}                  DEFAULT '{}',
    risk_tolerance       VARCHAR(10)              DEFAULT 'medium' NOT NULL,
    total_capital        NUMERIC(38,20),
    subscription_status  VARCHAR(20)              DEFAULT 'NONE' NOT NULL,
    subscription_expires TIMESTAMP WITH TIME ZONE,
    failed_login_count   INTEGER                  DEFAULT 0 NOT NULL,
    locked_until         TIMESTAMP WITH TIME ZONE,
    last_login           TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT ck_users_contact CHECK (email IS NOT NULL OR phone_number IS NOT NULL),
    CONSTRAINT ck_users_role CHECK (role IN ('USER', 'ADMIN')),
    CONSTRAINT ck_users_risk_tolerance CHECK (risk_tolerance IN ('low', 'medium', 'high')),
    CONSTRAINT ck_users_subscription_status CHECK (subscription_status IN
        ('NONE', 'TRIAL', 'ACTIVE', 'PAST_DUE', 'CANCELLED', 'EXPIRED')),
    CONSTRAINT ck_users_total_capital CHECK (total_capital IS NULL OR total_capital >= 0),
    CONSTRAINT ck_users_failed_login_count CHECK (failed_login_count >= 0)
);
-- The seed's index names, made unique: one index gives both the lookup and the UNIQUE rule.
-- NULLs are distinct, so phone-only and email-only users coexist.
CREATE UNIQUE INDEX idx_users_email ON users (email);
CREATE UNIQUE INDEX idx_users_phone ON users (phone_number);

-- One-time phone codes (seed 001 users.verification_code / verification_expires_at).
-- Only a hash of the code is stored; attempts are counted so a code cannot be brute-forced.
CREATE TABLE phone_verifications (
    id           UUID                     DEFAULT ${uuid_default} NOT NULL,
    user_id      UUID                     NOT NULL,
    phone_number VARCHAR(20)              NOT NULL,
    code_hash    VARCHAR(255)             NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INTEGER                  DEFAULT 0 NOT NULL,
    max_attempts INTEGER                  DEFAULT 5 NOT NULL,
    consumed_at  TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_phone_verifications PRIMARY KEY (id),
    CONSTRAINT fk_phone_verifications_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_phone_verifications_attempts CHECK (attempts >= 0),
    CONSTRAINT ck_phone_verifications_max_attempts CHECK (max_attempts > 0)
);
CREATE INDEX idx_phone_verifications_user ON phone_verifications (user_id, created_at);

-- API keys (seed 004 users.api_key). Only a hash is stored; the key is shown once.
-- The optional narrowing to one strategy activation is added in V3 (that table comes later).
CREATE TABLE api_keys (
    id                     UUID                     DEFAULT ${uuid_default} NOT NULL,
    user_id                UUID                     NOT NULL,
    name                   VARCHAR(100)             NOT NULL,
    key_prefix             VARCHAR(16)              NOT NULL,
    key_hash               VARCHAR(255)             NOT NULL,
    scope_read             BOOLEAN                  DEFAULT TRUE NOT NULL,
    scope_trade            BOOLEAN                  DEFAULT FALSE NOT NULL,
    scope_market_data      BOOLEAN                  DEFAULT FALSE NOT NULL,
    strategy_activation_id UUID,
    rate_limit_per_minute  INTEGER,
    created_at             TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    last_used_at           TIMESTAMP WITH TIME ZONE,
    expires_at             TIMESTAMP WITH TIME ZONE,
    revoked_at             TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_api_keys PRIMARY KEY (id),
    CONSTRAINT uq_api_keys_key_hash UNIQUE (key_hash),
    CONSTRAINT fk_api_keys_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_api_keys_rate_limit CHECK (rate_limit_per_minute IS NULL OR rate_limit_per_minute > 0)
);
CREATE INDEX idx_api_keys_user ON api_keys (user_id);

-- Refresh-token sessions (seed 004 "active user sessions", kept 7 days after they end).
CREATE TABLE user_sessions (
    id                 UUID                     DEFAULT ${uuid_default} NOT NULL,
    user_id            UUID                     NOT NULL,
    refresh_token_hash VARCHAR(255)             NOT NULL,
    user_agent         VARCHAR(500),
    created_at         TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_user_sessions PRIMARY KEY (id),
    CONSTRAINT uq_user_sessions_refresh_token_hash UNIQUE (refresh_token_hash),
    CONSTRAINT fk_user_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX idx_user_sessions_user ON user_sessions (user_id);
CREATE INDEX idx_user_sessions_expires ON user_sessions (expires_at);

-- Broker connections (seed 001 broker_connections, seed 003 tradelocker_accounts, seed 004
-- users.broker_*). Credentials are stored only encrypted; the paper broker is a broker like any other.
CREATE TABLE broker_connections (
    id                     UUID                     DEFAULT ${uuid_default} NOT NULL,
    user_id                UUID                     NOT NULL,
    broker                 VARCHAR(20)              NOT NULL,
    account_number         VARCHAR(255)             NOT NULL,
    server                 VARCHAR(100),
    api_key_encrypted      TEXT,
    api_secret_encrypted   TEXT,
    access_token_encrypted TEXT,
    is_active              BOOLEAN                  DEFAULT TRUE NOT NULL,
    is_connected           BOOLEAN                  DEFAULT FALSE NOT NULL,
    last_connected_at      TIMESTAMP WITH TIME ZONE,
    last_sync_at           TIMESTAMP WITH TIME ZONE,
    can_read               BOOLEAN                  DEFAULT TRUE NOT NULL,
    can_trade              BOOLEAN                  DEFAULT FALSE NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_broker_connections PRIMARY KEY (id),
    CONSTRAINT uq_broker_connections_account UNIQUE (user_id, broker, account_number),
    -- Target of accounts' (broker_connection_id, user_id) key: an account's connection is its user's.
    CONSTRAINT uq_broker_connections_id_user UNIQUE (id, user_id),
    CONSTRAINT fk_broker_connections_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_broker_connections_broker CHECK (broker IN
        ('paper', 'alpaca', 'swissquote', 'ibkr', 'tradier', 'tradelocker', 'angel_one', 'manual'))
);
CREATE INDEX idx_broker_connections_user ON broker_connections (user_id);
CREATE INDEX idx_broker_connections_broker ON broker_connections (broker);

-- Accounts (seed 001 portfolios, seed 000 account_balance): exactly one per broker connection.
-- cash_balance, equity_value, total_value and the returns are caches of what the journal derives.
CREATE TABLE accounts (
    id                   UUID                     DEFAULT ${uuid_default} NOT NULL,
    user_id              UUID                     NOT NULL,
    broker_connection_id UUID                     NOT NULL,
    name                 VARCHAR(255)             NOT NULL,
    account_type         VARCHAR(10)              DEFAULT 'CASH' NOT NULL,
    base_currency        VARCHAR(10)              DEFAULT 'USD' NOT NULL,
    cash_balance         NUMERIC(38,20)           DEFAULT 0 NOT NULL,
    net_deposits         NUMERIC(38,20)           DEFAULT 0 NOT NULL,
    equity_value         NUMERIC(38,20),
    total_value          NUMERIC(38,20),
    total_return         NUMERIC(20,10),
    day_return           NUMERIC(20,10),
    is_active            BOOLEAN                  DEFAULT TRUE NOT NULL,
    last_synced_at       TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    version              BIGINT                   DEFAULT 0 NOT NULL,
    CONSTRAINT pk_accounts PRIMARY KEY (id),
    CONSTRAINT uq_accounts_broker_connection UNIQUE (broker_connection_id),
    -- Also serves as the seed's idx_portfolios_user (user_id is its leading column).
    CONSTRAINT uq_accounts_user_name UNIQUE (user_id, name),
    -- Target of (account_id, user_id) keys in trading_sessions and risk_rules.
    CONSTRAINT uq_accounts_id_user UNIQUE (id, user_id),
    CONSTRAINT fk_accounts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_accounts_broker_connection FOREIGN KEY (broker_connection_id, user_id)
        REFERENCES broker_connections (id, user_id) ON DELETE CASCADE,
    CONSTRAINT ck_accounts_account_type CHECK (account_type IN ('CASH', 'MARGIN')),
    CONSTRAINT ck_accounts_version CHECK (version >= 0)
);
