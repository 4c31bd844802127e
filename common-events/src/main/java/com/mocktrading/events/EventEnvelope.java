package com.mocktrading.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The envelope every Kafka event travels in.
 *
 * @param eventId unique per event; consumers deduplicate on it
 * @param eventTimestamp when the producer created the event (millisecond precision)
 * @param sourceService the producing service, for diagnosis
 * @param schemaVersion the payload shape the producer wrote, see {@link Topic#currentSchemaVersion()}
 * @param payload the topic's payload record
 * @param traceContext W3C trace context, or null when the producer was not tracing
 */
public record EventEnvelope<P>(
        String eventId,
        Instant eventTimestamp,
        String sourceService,
        int schemaVersion,
        P payload,
        TraceContext traceContext) {

    public EventEnvelope {
        Checks.nonBlank(eventId, "eventId");
        eventTimestamp = Checks.millis(eventTimestamp, "eventTimestamp");
        Checks.nonBlank(sourceService, "sourceService");
        Checks.positive(schemaVersion, "schemaVersion");
        Checks.required(payload, "payload");
    }

    /** A new event with a random eventId, stamped now. */
    public static <P> EventEnvelope<P> create(
            String sourceService, int schemaVersion, P payload, TraceContext traceContext) {
        return createWithId(UUID.randomUUID().toString(), sourceService, schemaVersion, payload, traceContext);
    }

    /**
     * A new event stamped now, with an id the caller derived (for example from the orderId) so that
     * a replayed computation emits an event consumers recognise as a duplicate.
     */
    public static <P> EventEnvelope<P> createWithId(
            String eventId, String sourceService, int schemaVersion, P payload, TraceContext traceContext) {
        return new EventEnvelope<>(eventId, Instant.now(), sourceService, schemaVersion, payload, traceContext);
    }

    /** This event carried on in another trace context (the span that hands it on), everything else unchanged. */
    public EventEnvelope<P> withTraceContext(TraceContext context) {
        return new EventEnvelope<>(eventId, eventTimestamp, sourceService, schemaVersion, payload, context);
    }
}
