package com.mocktrading.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A small envelope-like schema; single quotes keep the inline JSON readable. */
    private static final String BASELINE =
            """
            {'type': 'object', 'required': ['eventId', 'payload'],
             'properties': {
               'eventId': {'type': 'string'},
               'payload': {'type': 'object', 'required': ['orderId', 'status'],
                 'properties': {
                   'orderId': {'type': 'string'},
                   'price': {'type': 'string', 'pattern': '^[0-9]+$'},
                   'status': {'type': 'string', 'enum': ['EXECUTED', 'FAILED']}}}}}
            """;

    @Test
    void acceptsAnIdenticalSchema() {
        assertThat(SchemaCompatibility.violations(schema(BASELINE), schema(BASELINE)))
                .isEmpty();
    }

    @Test
    void acceptsANewOptionalProperty() {
        // given
        String current = BASELINE.replace(
                "'orderId': {'type': 'string'},", "'orderId': {'type': 'string'}, 'note': {'type': 'string'},");

        // when / then
        assertThat(SchemaCompatibility.violations(schema(BASELINE), schema(current)))
                .isEmpty();
    }

    @Test
    void flagsRemovedRequiredProperty() {
        // given orderId renamed to id
        String current = BASELINE.replace("'orderId'", "'id'");

        // when / then
        assertThat(SchemaCompatibility.violations(schema(BASELINE), schema(current)))
                .anySatisfy(v -> assertThat(v).startsWith("required property 'payload.orderId' was removed"));
    }

    @Test
    void flagsPropertyThatIsNoLongerRequired() {
        // given
        String current = BASELINE.replace("'required': ['orderId', 'status']", "'required': ['status']");

        // when / then
        assertThat(SchemaCompatibility.violations(schema(BASELINE), schema(current)))
                .containsExactly("required property 'payload.orderId' is no longer required"
                        + ": consumers built against the baseline expect it in every event");
    }

    @Test
    void flagsNewRequiredProperty() {
        // given an existing optional property made required
        String current =
                BASELINE.replace("'required': ['orderId', 'status']", "'required': ['orderId', 'status', 'price']");

        // when / then
        assertThat(SchemaCompatibility.violations(schema(BASELINE), schema(current)))
                .containsExactly("property 'payload.price' is newly required"
                        + ": events written against the baseline, still in the topic, lack it");
    }

    @Test
    void flagsChangedType() {
        // given money turned into a JSON number
        String current =
                BASELINE.replace("'price': {'type': 'string', 'pattern': '^[0-9]+$'}", "'price': {'type': 'number'}");

        // when / then
        assertThat(SchemaCompatibility.violations(schema(BASELINE), schema(current)))
                .containsExactlyInAnyOrder(
                        "property 'payload.price' changed type from 'string' to 'number'"
                                + ": values valid for one side are invalid for the other",
                        "property 'payload.price' changed pattern from '^[0-9]+$' to (none)"
                                + ": values valid for one side are invalid for the other");
    }

    @Test
    void flagsChangedFormatAndPattern() {
        // given
        String current = BASELINE.replace(
                        "'eventId': {'type': 'string'}", "'eventId': {'type': 'string', 'format': 'uuid'}")
                .replace("'^[0-9]+$'", "'^[0-9]+(\\\\.[0-9]+)?$'");

        // when / then
        assertThat(SchemaCompatibility.violations(schema(BASELINE), schema(current)))
                .anySatisfy(v -> assertThat(v).startsWith("property 'eventId' changed format from (none) to 'uuid'"))
                .anySatisfy(v -> assertThat(v).startsWith("property 'payload.price' changed pattern"))
                .hasSize(2);
    }

    @Test
    void treatsTypeArraysAsSets() {
        // given
        String before = BASELINE.replace("'eventId': {'type': 'string'}", "'eventId': {'type': ['string', 'null']}");
        String after = BASELINE.replace("'eventId': {'type': 'string'}", "'eventId': {'type': ['null', 'string']}");

        // when / then
        assertThat(SchemaCompatibility.violations(schema(before), schema(after)))
                .isEmpty();
    }

    @Test
    void flagsRemovedEnumValue() {
        // given
        String current = BASELINE.replace("['EXECUTED', 'FAILED']", "['EXECUTED']");

        // when / then
        assertThat(SchemaCompatibility.violations(schema(BASELINE), schema(current)))
                .containsExactly("enum value 'FAILED' was removed from 'payload.status'"
                        + ": consumers of events already in the topic still meet it");
    }

    @Test
    void flagsAddedEnumValue() {
        // given
        String current = BASELINE.replace("['EXECUTED', 'FAILED']", "['EXECUTED', 'FAILED', 'CANCELLED']");

        // when / then
        assertThat(SchemaCompatibility.violations(schema(BASELINE), schema(current)))
                .containsExactly("enum value 'CANCELLED' was added to 'payload.status'"
                        + ": consumers built against the baseline cannot handle it");
    }

    @Test
    void flagsForbiddingAdditionalProperties() {
        // given
        String current = BASELINE.replace(
                "'payload': {'type': 'object',", "'payload': {'type': 'object', 'additionalProperties': false,");

        // when / then
        assertThat(SchemaCompatibility.violations(schema(BASELINE), schema(current)))
                .containsExactly("'payload' no longer allows additional properties"
                        + ": events from newer producers would be rejected");
    }

    private static JsonNode schema(String singleQuotedJson) {
        try {
            return MAPPER.readTree(singleQuotedJson.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
