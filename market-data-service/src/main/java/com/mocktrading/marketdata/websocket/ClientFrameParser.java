package com.mocktrading.marketdata.websocket;

import com.mocktrading.platform.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads client frames strictly: a JSON object with a known {@code type}; subscribe and unsubscribe carry a
 * non-empty array of topic strings. Size and topic-count limits are checked before the text is parsed, so an
 * oversized frame costs no parsing.
 */
final class ClientFrameParser {

    private static final JsonMapper JSON = StrictJson.mapper();

    private final int maxFrameBytes;
    private final int maxTopicsPerFrame;

    ClientFrameParser(int maxFrameBytes, int maxTopicsPerFrame) {
        this.maxFrameBytes = maxFrameBytes;
        this.maxTopicsPerFrame = maxTopicsPerFrame;
    }

    ClientFrame parse(String text) throws FrameRejected {
        // The limit is the frame's size on the wire, UTF-8 bytes: more characters than that can never fit.
        if (text.length() > maxFrameBytes || text.getBytes(StandardCharsets.UTF_8).length > maxFrameBytes) {
            throw new FrameRejected(FrameRejected.FRAME_TOO_LARGE, "frames are limited to " + maxFrameBytes + " bytes");
        }
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new FrameRejected(FrameRejected.BAD_FRAME, "not a JSON object");
        }
        if (frame == null || !frame.isObject()) {
            throw new FrameRejected(FrameRejected.BAD_FRAME, "not a JSON object");
        }
        JsonNode type = frame.get("type");
        if (type == null || !type.isString()) {
            throw new FrameRejected(FrameRejected.BAD_FRAME, "\"type\" must be a string");
        }
        return switch (type.asString()) {
            case "subscribe" -> new ClientFrame.Subscribe(topics(frame));
            case "unsubscribe" -> new ClientFrame.Unsubscribe(topics(frame));
            case "ping" -> new ClientFrame.Ping();
            default ->
                throw new FrameRejected(FrameRejected.UNKNOWN_TYPE, "type must be subscribe, unsubscribe or ping");
        };
    }

    private List<String> topics(JsonNode frame) throws FrameRejected {
        JsonNode topics = frame.get("topics");
        if (topics == null || !topics.isArray() || topics.isEmpty()) {
            throw new FrameRejected(FrameRejected.BAD_FRAME, "\"topics\" must be a non-empty array of strings");
        }
        if (topics.size() > maxTopicsPerFrame) {
            throw new FrameRejected(
                    FrameRejected.TOO_MANY_TOPICS, "at most " + maxTopicsPerFrame + " topics per connection");
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (JsonNode topic : topics) {
            if (!topic.isString()) {
                throw new FrameRejected(FrameRejected.BAD_FRAME, "\"topics\" must be a non-empty array of strings");
            }
            distinct.add(topic.asString());
        }
        return new ArrayList<>(distinct);
    }
}
