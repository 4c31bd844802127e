package com.mocktrading.marketdata.websocket;

import java.util.Collection;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's frames. Updates wrap a payload that is already JSON (as published on Redis) without parsing
 * it again: one string concatenation per update and instance, shared by all its clients.
 */
final class ServerFrames {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ServerFrames() {}

    static String priceUpdate(String topic, String payloadJson) {
        return "{\"type\":\"price_update\",\"topic\":" + quoted(topic) + ",\"payload\":" + payloadJson + "}";
    }

    static String orderUpdate(String payloadJson) {
        return "{\"type\":\"order_update\",\"topic\":\"orders\",\"payload\":" + payloadJson + "}";
    }

    static String subscribed(Collection<String> topics) {
        return withTopics("subscribed", topics);
    }

    static String unsubscribed(Collection<String> topics) {
        return withTopics("unsubscribed", topics);
    }

    static String pong() {
        return "{\"type\":\"pong\"}";
    }

    static String error(String code, String message) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("type", "error");
        frame.put("code", code);
        frame.put("message", message);
        return JSON.writeValueAsString(frame);
    }

    private static String withTopics(String type, Collection<String> topics) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("type", type);
        topics.forEach(frame.putArray("topics")::add);
        return JSON.writeValueAsString(frame);
    }

    private static String quoted(String text) {
        return JSON.writeValueAsString(text);
    }
}
