-- One row per trade_executed event (executed and failed). ReplacingMergeTree with event_id in the sorting
-- key: a replayed event is the same row, merged away in the background; queries that must not count a
-- replay twice read with FINAL or group by event_id. Prices are exact Decimal(18, 4) (ClickHouse 18.16 has no
-- DateTime64, hence the separate millisecond column).
CREATE TABLE IF NOT EXISTS trading_trades
(
    event_id String,
    order_id String,
    user_id String,
    symbol String,
    side Enum8('BUY' = 1, 'SELL' = 2),
    quantity UInt64,
    status String,
    execution_price Nullable(Decimal(18, 4)),
    execution_time DateTime,
    execution_millis UInt16,
    failure_reason String DEFAULT ''
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(execution_time)
ORDER BY (symbol, execution_time, event_id)
