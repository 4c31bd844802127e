package com.mocktrading.platform.reactive;

import com.mocktrading.platform.error.ErrorCode;
import com.mocktrading.platform.error.FieldError;
import com.mocktrading.platform.error.ProblemCodeTag;
import com.mocktrading.platform.error.Problems;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes the contract's problem+json body on a WebFlux exchange (exception handler, security entry points). */
public class ReactiveProblemWriter {

    public Mono<Void> write(ServerWebExchange exchange, ErrorCode code, String detail) {
        return write(exchange, code, code.status().value(), detail, List.of(), null);
    }

    public Mono<Void> write(
            ServerWebExchange exchange,
            ErrorCode code,
            int status,
            String detail,
            List<FieldError> errors,
            Duration retryAfter) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        exchange.getAttributes().put(ProblemCodeTag.ATTRIBUTE, code.name());
        response.setRawStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        }
        String body = Problems.json(
                code, status, detail, exchange.getRequest().getPath().value(), errors);
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
