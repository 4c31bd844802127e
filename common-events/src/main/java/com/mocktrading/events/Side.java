package com.mocktrading.events;

/** Direction of an order. */
public enum Side {
    BUY,
    SELL
}
