package com.mocktrading.localstack.fault;

import java.time.Duration;

/**
 * What a {@link FaultProxy} does to the traffic passing it. Faults act the way the network or a failing server
 * does: a blackhole holds bytes back (TCP retransmits them once it lifts, if the peer is still waiting), it
 * never loses them mid-stream.
 */
public sealed interface Fault {

    /** Bytes flow both ways. */
    Fault NONE = new None();

    /** Every connection closed at once with a reset (RST), and every new one reset as soon as it is accepted. */
    Fault RESET = new Reset();

    /** Every connection closed at once (FIN), and every new one closed as soon as it is accepted. */
    Fault DROP = new Drop();

    /** Connections are accepted, and nothing passes in either direction while the fault lasts. */
    Fault BLACKHOLE = new Blackhole();

    /** Requests reach the server, its answers never come back: a write that succeeded is seen as a timeout. */
    Fault HALF_OPEN = new HalfOpen();

    /** Parses {@code none}, {@code reset}, {@code drop}, {@code blackhole}, {@code half-open}, {@code delay=MS}. */
    static Fault parse(String text) {
        switch (text) {
            case "none":
                return NONE;
            case "reset":
                return RESET;
            case "drop":
                return DROP;
            case "blackhole":
                return BLACKHOLE;
            case "half-open":
                return HALF_OPEN;
            default:
                if (text.startsWith("delay=")) {
                    return new Delay(Duration.ofMillis(Long.parseLong(text.substring("delay=".length()))));
                }
                if (text.startsWith("http-errors=")) {
                    return HttpErrors.throttling(Double.parseDouble(text.substring("http-errors=".length())));
                }
                throw new IllegalArgumentException("unknown fault '" + text
                        + "': none, reset, drop, blackhole, half-open, delay=MS, http-errors=FRACTION");
        }
    }

    /** Whether bytes from the client to the server are held back. */
    default boolean holdsRequests() {
        return false;
    }

    /** Whether bytes from the server to the client are held back. */
    default boolean holdsAnswers() {
        return false;
    }

    record None() implements Fault {
        @Override
        public String toString() {
            return "none";
        }
    }

    record Reset() implements Fault {
        @Override
        public String toString() {
            return "reset";
        }
    }

    record Drop() implements Fault {
        @Override
        public String toString() {
            return "drop";
        }
    }

    record Blackhole() implements Fault {
        @Override
        public boolean holdsRequests() {
            return true;
        }

        @Override
        public boolean holdsAnswers() {
            return true;
        }

        @Override
        public String toString() {
            return "blackhole";
        }
    }

    record HalfOpen() implements Fault {
        @Override
        public boolean holdsAnswers() {
            return true;
        }

        @Override
        public String toString() {
            return "half-open";
        }
    }

    /** Every chunk of bytes, each way, passes after this latency. */
    record Delay(Duration latency) implements Fault {
        @Override
        public String toString() {
            return "delay=" + latency.toMillis() + "ms";
        }
    }

    /**
     * An HTTP server that refuses a fraction of requests itself: the proxy answers them with this status, headers
     * and body without passing them on (only on a proxy that frames HTTP requests).
     */
    record HttpErrors(double fraction, int status, String errorType, String body) implements Fault {

        public HttpErrors {
            if (fraction < 0 || fraction > 1) {
                throw new IllegalArgumentException("the fraction of refused requests must be in [0, 1]: " + fraction);
            }
        }

        /** DynamoDB's answer when a table's throughput is exceeded; the AWS SDK retries it with backoff. */
        public static HttpErrors throttling(double fraction) {
            return new HttpErrors(
                    fraction,
                    400,
                    "ThrottlingException",
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\","
                            + "\"message\":\"Rate of requests exceeds the allowed throughput.\"}");
        }

        @Override
        public String toString() {
            return "http-errors=" + fraction + " (" + status + " " + errorType + ")";
        }
    }
}
