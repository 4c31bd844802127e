package com.mocktrading.platform.reactive;

import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Every error a WebFlux service answers is problem+json with a contract code: the features' refusals, the
 * framework's own (unknown path, wrong method, unreadable input) and anything unexpected, which becomes a 500
 * without a stack trace. Runs before Boot's default handler, which would answer plain JSON.
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final ReactiveProblemWriter problems;

    public ProblemWebExceptionHandler(ReactiveProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ApiException refused) {
            if (refused.code().status().is5xxServerError()) {
                LOG.warn(
                        "{} {} answered {}: {}",
                        exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(),
                        refused.code(),
                        refused.getMessage(),
                        refused.getCause());
            }
            return problems.write(
                    exchange,
                    refused.code(),
                    refused.code().status().value(),
                    refused.getMessage(),
                    refused.fieldErrors(),
                    refused.retryAfter());
        }
        if (error instanceof CallNotPermittedException open) {
            return handle(exchange, ApiException.dependencyUnavailable(open.getCausingCircuitBreakerName(), open));
        }
        if (causedByRefusedConnection(error)) {
            // A gateway whose service is down, or a service whose store refuses connections.
            return handle(exchange, ApiException.dependencyUnavailable("an upstream service", error));
        }
        if (causedByBrokenConnection(error)) {
            // The connection broke after the request went out: a read changed nothing, a write may have happened.
            HttpMethod method = exchange.getRequest().getMethod();
            return handle(
                    exchange,
                    HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
                            ? ApiException.dependencyUnavailable("an upstream service", error)
                            : ApiException.upstreamFailed(error));
        }
        if (error instanceof ResponseStatusException status) {
            int code = status.getStatusCode().value();
            String detail = status.getReason() != null
                    ? status.getReason()
                    : status.getClass().getSimpleName();
            return problems.write(exchange, ErrorCode.forStatus(code), code, detail, List.of(), null);
        }
        LOG.error(
                "{} {} failed unexpectedly",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                error);
        return problems.write(exchange, ErrorCode.INTERNAL, "The request failed; it has been logged");
    }

    /**
     * A connection closed or reset under a request (a gateway whose service died mid-request); stores' own I/O
     * failures reach this handler already translated by their adapters.
     */
    private static boolean causedByBrokenConnection(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PrematureCloseException || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedByRefusedConnection(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
