-- Several server processes on one database: each runs as a named node (TRADEBOOK_NODE, else a name
-- generated once in its data directory). A node works, at its paper broker, only the orders it
-- placed; after a restart (or on another host, with the same name) it resumes exactly those.

-- The node that placed the order and works it at its paper broker; null for orders placed before
-- nodes existed (the first node to start adopts them) and for orders stored outside a server.
ALTER TABLE orders ADD COLUMN placed_by VARCHAR(32);
-- H2 rebuilds a table to add a column, and with it that table's foreign keys, which it then
-- cascades after the ones made later: make the activations' key again, so that deleting an
-- account still deletes its orders before its activations (V3, "in cascade order").
ALTER TABLE strategy_activations DROP CONSTRAINT fk_strategy_activations_account;
ALTER TABLE strategy_activations ADD CONSTRAINT fk_strategy_activations_account
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;

-- Each node's starts: the paper broker's order and trade ids carry the node and its start number
-- (P-<node>-<start>-<n>), so that ids never repeat across processes or restarts.
CREATE TABLE trading_nodes (
    node        VARCHAR(32)              NOT NULL,
    starts      INTEGER                  NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_trading_nodes PRIMARY KEY (node),
    CONSTRAINT ck_trading_nodes_starts CHECK (starts > 0)
);
