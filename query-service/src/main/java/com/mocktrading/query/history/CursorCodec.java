package com.mocktrading.query.history;

import com.mocktrading.platform.json.StrictJson;
import com.mocktrading.query.parameters.QueryParameters;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The opaque {@code cursor} of a history search: base64url (unpadded) of a small versioned JSON object,
 * {@code {"v":1,"t":<execution time, epoch millis>,"id":"<event id>","f":"<filters' fingerprint>"}}, i.e. the
 * sort values of the last trade returned (Elasticsearch's {@code search_after}) plus the fingerprint of the
 * filters it was issued for. Not signed: tampering with the position can only move where the caller's own
 * history continues (the user filter comes from the token, never from the cursor), so there is nothing to
 * protect, only mistakes to catch; every malformed or mismatching cursor is refused with its reason.
 */
final class CursorCodec {

    static final int VERSION = 1;
    static final int MAX_LENGTH = 1024;
    static final int MAX_EVENT_ID_LENGTH = 256;

    private static final JsonMapper JSON = StrictJson.mapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private CursorCodec() {}

    static String encode(SearchCursor position, String fingerprint) {
        ObjectNode cursor = JSON.createObjectNode()
                .put("v", VERSION)
                .put("t", position.executionTimestamp().toEpochMilli())
                .put("id", position.eventId())
                .put("f", fingerprint);
        return ENCODER.encodeToString(JSON.writeValueAsBytes(cursor));
    }

    /**
     * The position a cursor holds, if it was issued for a search with the same filters.
     *
     * @throws InvalidCursorException saying what is wrong with it
     */
    static SearchCursor decode(String text, String fingerprint) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new InvalidCursorException("not a cursor: empty or longer than " + MAX_LENGTH + " characters");
        }
        JsonNode cursor = parse(text);
        JsonNode version = cursor.get("v");
        if (version == null || !version.isInt() || version.intValue() != VERSION) {
            throw new InvalidCursorException("unsupported cursor version; start again without a cursor");
        }
        Instant executionTimestamp = executionTimestamp(cursor.get("t"));
        String eventId = eventId(cursor.get("id"));
        JsonNode issuedFor = cursor.get("f");
        if (issuedFor == null
                || !issuedFor.isString()
                || !issuedFor.stringValue().equals(fingerprint)) {
            throw new InvalidCursorException(
                    "the cursor belongs to a search with other filters; repeat those filters or start again");
        }
        return new SearchCursor(executionTimestamp, eventId);
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode cursor = JSON.readTree(DECODER.decode(text));
            if (cursor == null || !cursor.isObject()) {
                throw new InvalidCursorException("not a cursor this service issued");
            }
            return cursor;
        } catch (IllegalArgumentException | JacksonException e) {
            throw new InvalidCursorException("not a cursor this service issued");
        }
    }

    private static Instant executionTimestamp(JsonNode millis) {
        if (millis == null || !millis.isIntegralNumber() || !millis.canConvertToLong()) {
            throw new InvalidCursorException("the cursor's position is malformed");
        }
        Instant at = Instant.ofEpochMilli(millis.longValue());
        if (at.isBefore(QueryParameters.EARLIEST) || at.isAfter(QueryParameters.LATEST)) {
            throw new InvalidCursorException("the cursor's position is out of range");
        }
        return at;
    }

    private static String eventId(JsonNode id) {
        if (id == null
                || !id.isString()
                || id.stringValue().isEmpty()
                || id.stringValue().length() > MAX_EVENT_ID_LENGTH) {
            throw new InvalidCursorException("the cursor's position is malformed");
        }
        return id.stringValue();
    }
}
