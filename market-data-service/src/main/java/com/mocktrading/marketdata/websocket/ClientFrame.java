package com.mocktrading.marketdata.websocket;

import java.util.List;

/** What a client can send: subscribe, unsubscribe, ping. */
sealed interface ClientFrame {

    record Subscribe(List<String> topics) implements ClientFrame {}

    record Unsubscribe(List<String> topics) implements ClientFrame {}

    record Ping() implements ClientFrame {}
}
