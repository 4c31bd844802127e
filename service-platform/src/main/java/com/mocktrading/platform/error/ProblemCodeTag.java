package com.mocktrading.platform.error;

/**
 * The stable code of the problem a request was answered with, as a tag of the request metrics
 * ({@code http_server_requests_seconds{code="INSUFFICIENT_FUNDS"}}), so that refusals are counted by code per
 * endpoint (orders accepted and refused by code, for one). Whatever writes a problem records its code on the request;
 * a request answered without one is tagged {@link #NONE}.
 */
public final class ProblemCodeTag {

    /** The request (or exchange) attribute that holds the code. */
    public static final String ATTRIBUTE = ProblemCodeTag.class.getName();

    public static final String KEY = "code";
    public static final String NONE = "none";

    private ProblemCodeTag() {}

    /** The tag's value for what the attribute holds. */
    public static String valueOf(Object attribute) {
        return attribute instanceof String code ? code : NONE;
    }
}
