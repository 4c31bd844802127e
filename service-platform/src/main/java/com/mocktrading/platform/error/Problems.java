package com.mocktrading.platform.error;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the contract's RFC 9457 body: type, title, status, detail, instance and the stable code. */
public final class Problems {

    private static final String TYPE_BASE = "https://docs.mocktrading.example.com/problems/";

    private Problems() {}

    public static ProblemDetail of(ErrorCode code, HttpStatusCode status, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeOf(code));
        problem.setTitle(code.title());
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        problem.setProperty("code", code.name());
        return problem;
    }

    /** The problem type URI of a code, e.g. {@code .../problems/insufficient-funds}. */
    public static URI typeOf(ErrorCode code) {
        return URI.create(TYPE_BASE + code.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public static ProblemDetail of(ErrorCode code, String detail, String instance) {
        return of(code, code.status(), detail, instance);
    }

    /**
     * The same body as a JSON string, for writers outside Spring MVC's message conversion (servlet filters,
     * security entry points, WebFlux exception handlers).
     */
    public static String json(ErrorCode code, int status, String detail, String instance, List<FieldError> errors) {
        StringBuilder body = new StringBuilder()
                .append("{\"type\":")
                .append(quote(typeOf(code).toString()))
                .append(",\"title\":")
                .append(quote(code.title()))
                .append(",\"status\":")
                .append(status)
                .append(",\"detail\":")
                .append(quote(detail))
                .append(",\"instance\":")
                .append(quote(instance))
                .append(",\"code\":")
                .append(quote(code.name()));
        if (!errors.isEmpty()) {
            body.append(",\"errors\":[");
            for (int i = 0; i < errors.size(); i++) {
                body.append(i == 0 ? "" : ",")
                        .append("{\"field\":")
                        .append(quote(errors.get(i).field()))
                        .append(",\"message\":")
                        .append(quote(errors.get(i).message()))
                        .append('}');
            }
            body.append(']');
        }
        return body.append('}').toString();
    }

    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    public static ProblemDetail withFieldErrors(ProblemDetail problem, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
