-- Tradebook schema, part 5: the seeds' views, written in SQL that H2 and PostgreSQL both accept.

-- Seed 003 active_strategies_performance: each active catalog strategy with its LATEST
-- catalog-level snapshot (activation snapshots are per account and are not mixed in).
-- Ties on snapshot_at are broken by id so the view never returns two rows for one strategy.
CREATE VIEW active_strategies_performance AS
SELECT s.id,
       s.code,
       s.name,
       s.performance_score,
       sp.win_rate,
       sp.profit_factor,
       sp.sharpe_ratio,
       sp.trades_count,
       sp.sortino_ratio,
       sp.max_drawdown,
       sp.total_return,
       sp.source,
       sp.snapshot_at
FROM strategies s
JOIN strategy_performance sp
  ON sp.strategy_id = s.id
 AND sp.strategy_activation_id IS NULL
WHERE s.is_active = TRUE
  AND NOT EXISTS (
      SELECT 1
      FROM strategy_performance newer
      WHERE newer.strategy_id = sp.strategy_id
        AND newer.strategy_activation_id IS NULL
        AND (newer.snapshot_at > sp.snapshot_at
             OR (newer.snapshot_at = sp.snapshot_at AND newer.id > sp.id)));

-- Seed 003 account_performance: one row per trading session of each account, with the broker
-- account number. pnl falls back to final - initial while the session has no total yet.
CREATE VIEW account_performance AS
SELECT a.id                AS account_id,
       a.name              AS account_name,
       bc.broker,
       bc.account_number,
       ts.id               AS session_id,
       ts.strategy_activation_id,
       ts.status,
       ts.started_at,
       ts.ended_at,
       ts.capital_at_start AS initial_balance,
       ts.capital_at_end   AS final_balance,
       COALESCE(ts.total_pnl, ts.capital_at_end - ts.capital_at_start) AS pnl,
       ts.max_drawdown,
       ts.trades_count
FROM accounts a
JOIN broker_connections bc ON bc.id = a.broker_connection_id
JOIN trading_sessions ts ON ts.account_id = a.id;

-- Seed 001 portfolio_holdings: an account's open holdings summed over its strategies, per symbol
-- and side. A mark (market value, unrealised P&L) is shown only when every strategy's holding
-- has one: a sum over some of them would look complete and be wrong.
CREATE VIEW account_holdings AS
SELECT h.account_id,
       h.symbol,
       h.side,
       CAST(MAX(CAST(h.security_id AS VARCHAR(36))) AS UUID) AS security_id,
       COUNT(*)                                               AS strategy_count,
       SUM(h.quantity)                                        AS quantity,
       SUM(h.cost_basis)                                      AS cost_basis,
       CAST(SUM(h.cost_basis) / NULLIF(SUM(h.quantity), 0) AS NUMERIC(30,12)) AS average_entry_price,
       MAX(h.current_price)                                   AS current_price,
       CASE WHEN COUNT(h.market_value) = COUNT(*) THEN SUM(h.market_value) END AS market_value,
       CASE WHEN COUNT(h.unrealized_pnl) = COUNT(*) THEN SUM(h.unrealized_pnl) END AS unrealized_pnl,
       CASE WHEN COUNT(h.unrealized_pnl) = COUNT(*)
            THEN CAST(SUM(h.unrealized_pnl) / NULLIF(SUM(h.cost_basis), 0) AS NUMERIC(20,10))
       END                                                    AS unrealized_return,
       SUM(h.realized_pnl)                                    AS realized_pnl,
       SUM(h.fees)                                            AS fees,
       MIN(h.opened_at)                                       AS opened_at,
       MAX(h.updated_at)                                      AS updated_at,
       MAX(h.last_synced_at)                                  AS last_synced_at
FROM holdings h
WHERE h.status = 'OPEN'
GROUP BY h.account_id, h.symbol, h.side;
