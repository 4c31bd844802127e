package com.mocktrading.platform.error;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a servlet service answers is problem+json with a contract code: the features' refusals, the
 * framework's own (malformed JSON, wrong method or media type, unknown path), open circuit breakers, and
 * anything unexpected, which becomes a 500 without a stack trace (the trace goes to the log only).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.withFieldErrors(
                Problems.of(e.code(), e.getMessage(), request.getRequestURI()), e.fieldErrors());
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(e.code().status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.retryAfter() != null) {
            response.header(
                    HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
        }
        if (e.code().status().is5xxServerError()) {
            LOG.warn(
                    "{} {} answered {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.code(),
                    e.getMessage(),
                    e.getCause());
        }
        return response.body(problem);
    }

    @ExceptionHandler(CallNotPermittedException.class)
    ResponseEntity<ProblemDetail> circuitOpen(CallNotPermittedException e, HttpServletRequest request) {
        return refused(ApiException.dependencyUnavailable(e.getCausingCircuitBreakerName(), e), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        LOG.error("{} {} failed unexpectedly", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(ErrorCode.INTERNAL.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(
                        ErrorCode.INTERNAL, "The request failed; it has been logged", request.getRequestURI()));
    }

    /** The framework's own errors (400, 404, 405, 406, 413, 415, ...) get a contract code too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String instance = request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getRequestURI()
                : null;
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null
                ? problem.getDetail()
                : ex.getClass().getSimpleName();
        ProblemDetail problem = Problems.of(ErrorCode.forStatus(status.value()), status, detail, instance);
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, problemHeaders, status);
    }
}
