-- Several server processes on one database: each live strategy activation and each replay runs in
-- exactly one node (the process named by TRADEBOOK_NODE), never in two. The node that creates one
-- runs it; after a restart a node resumes exactly the ones it runs. Another node that changes one
-- signals the node that runs it, or, when that node is not running, takes it over.

-- The node that runs an activation (ACTIVE or PAUSED) of a catalog strategy. A table of its own
-- rather than a column: H2 rebuilds a table to add a column, and strategy_activations is referenced
-- by most of the books (their cascade order matters, V17).
CREATE TABLE activation_runners (
    activation_id UUID        NOT NULL,
    node          VARCHAR(32) NOT NULL,
    CONSTRAINT pk_activation_runners PRIMARY KEY (activation_id),
    CONSTRAINT fk_activation_runners_activation FOREIGN KEY (activation_id) REFERENCES strategy_activations (id) ON DELETE CASCADE
);
CREATE INDEX idx_activation_runners_node ON activation_runners (node);

-- The node that runs a replay; null for replays made before nodes ran them (the first node to start adopts the running ones).
ALTER TABLE market_replays ADD COLUMN run_by VARCHAR(32);
