-- Every order insert pays for each index of orders. idx_orders_broker_order (account, broker order
-- id) served no query: the order path finds an order by its broker id in memory, and the readers
-- go by order id, account and time, status, symbol or strategy.
DROP INDEX idx_orders_broker_order;
