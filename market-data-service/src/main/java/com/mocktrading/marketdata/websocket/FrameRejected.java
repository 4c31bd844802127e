package com.mocktrading.marketdata.websocket;

/** A client frame the service refuses; answered with an error frame, the connection stays open. */
final class FrameRejected extends Exception {

    private final String code;

    FrameRejected(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    static final String BAD_FRAME = "BAD_FRAME";
    static final String FRAME_TOO_LARGE = "FRAME_TOO_LARGE";
    static final String UNKNOWN_TYPE = "UNKNOWN_TYPE";
    static final String UNKNOWN_TOPIC = "UNKNOWN_TOPIC";
    static final String TOO_MANY_TOPICS = "TOO_MANY_TOPICS";
}
