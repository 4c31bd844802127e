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

    public static ProblemDetail withFieldErrors(ProblemDetail problem, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
