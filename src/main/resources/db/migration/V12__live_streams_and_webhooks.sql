-- Live events: one-use tickets that open the event stream from a browser (EventSource cannot send
-- headers), and each user's webhook signing secret.

-- A ticket is shown once, stored only as its SHA-256 hash, valid for 60 seconds and used once. It
-- stands for the credential that asked for it (a session or an API key) and dies with it.
CREATE TABLE stream_tickets (
    ticket_hash VARCHAR(64)              NOT NULL,
    user_id     UUID                     NOT NULL,
    session_id  UUID,
    api_key_id  UUID,
    created_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_stream_tickets PRIMARY KEY (ticket_hash),
    CONSTRAINT fk_stream_tickets_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_stream_tickets_session FOREIGN KEY (session_id) REFERENCES user_sessions (id) ON DELETE CASCADE,
    CONSTRAINT fk_stream_tickets_api_key FOREIGN KEY (api_key_id) REFERENCES api_keys (id) ON DELETE CASCADE,
    CONSTRAINT ck_stream_tickets_credential CHECK ((session_id IS NULL) <> (api_key_id IS NULL))
);
CREATE INDEX idx_stream_tickets_expires ON stream_tickets (expires_at);
CREATE INDEX idx_stream_tickets_user ON stream_tickets (user_id);
CREATE INDEX idx_stream_tickets_session ON stream_tickets (session_id);
CREATE INDEX idx_stream_tickets_api_key ON stream_tickets (api_key_id);

-- The key that signs a user's webhook deliveries (HMAC-SHA256 over the body). Shown once when made;
-- the server needs it to sign, so it is kept encrypted with the master key (as broker credentials
-- are), never as plain text. The webhook URL itself is the user's preference (users.preferences).
ALTER TABLE users ADD COLUMN webhook_secret_encrypted TEXT;
ALTER TABLE users ADD COLUMN webhook_secret_created_at TIMESTAMP WITH TIME ZONE;
