package com.mocktrading.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mocktrading.events.SchemaFiles;
import com.mocktrading.events.Topic;
import com.mocktrading.events.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guard against breaking the event contract. {@code src/test/resources/schema-baseline/} holds
 * the schemas as released; when this fails, make the change backward compatible (add an optional
 * property instead), or release a new topic/version deliberately and update the baseline with it.
 */
class ReleasedSchemaCompatibilityTest {

    static List<Topic<?>> topics() {
        return Topics.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void currentSchemaIsCompatibleWithTheReleasedBaseline(Topic<?> topic) {
        // given
        var baseline = SchemaFiles.baseline(topic.name());
        var current = SchemaFiles.current(topic.name());

        // when
        List<String> violations = SchemaCompatibility.violations(baseline, current);

        // then
        assertThat(violations)
                .as("breaking changes to %s against src/test/resources/schema-baseline", topic.name())
                .isEmpty();
    }

    @Test
    void guardFlagsARenamedPayloadFieldInTheRealSchemaFiles() {
        // given trade_orders with payload.userId renamed to accountId
        var current = (ObjectNode) SchemaFiles.current("trade_orders");
        var payload = (ObjectNode) current.path("properties").path("payload");
        ((ObjectNode) payload.path("properties"))
                .set("accountId", payload.path("properties").path("userId"));
        ((ObjectNode) payload.path("properties")).remove("userId");
        ArrayNode required = (ArrayNode) payload.path("required");
        required.set(1, "accountId");

        // when
        List<String> violations = SchemaCompatibility.violations(SchemaFiles.baseline("trade_orders"), current);

        // then
        assertThat(violations)
                .hasSize(2)
                .anySatisfy(v -> assertThat(v).startsWith("required property 'payload.userId' was removed"))
                .anySatisfy(v -> assertThat(v).startsWith("property 'payload.accountId' is newly required"));
    }
}
