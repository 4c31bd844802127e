package com.mocktrading.gateway.upstream;

import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import com.mocktrading.platform.error.Problems;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An upstream server error without a problem body reaches the client as the contract's problem, never bare. The
 * services answer their own errors as problems; a bare one comes from the web server in front of their code, e.g.
 * Tomcat refusing a request while it drains for a graceful shutdown. A bare 503 is 503 {@code
 * DEPENDENCY_UNAVAILABLE} (the service's code never ran: nothing was done); any other bare 5xx is, for a write, 502
 * {@code UPSTREAM_FAILED} (it may have happened: retry with the same key), for a read 503.
 */
@Component
class BareUpstreamErrors implements GlobalFilter, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(BareUpstreamErrors.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange.mutate().response(new Decorated(exchange)).build());
    }

    /** Just before the upstream answer is written, so that its writing goes through the decorator. */
    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    private static final class Decorated extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;

        Decorated(ServerWebExchange exchange) {
            super(exchange.getResponse());
            this.exchange = exchange;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpStatusCode status = getStatusCode();
            MediaType type = getHeaders().getContentType();
            if (status == null
                    || !status.is5xxServerError()
                    || (type != null && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type))) {
                return super.writeWith(body);
            }
            return Flux.from(body).doOnNext(DataBufferUtils::release).then(Mono.defer(() -> writeProblem(status)));
        }

        private Mono<Void> writeProblem(HttpStatusCode upstream) {
            HttpMethod method = exchange.getRequest().getMethod();
            boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
            ApiException answer = upstream.value() == 503 || read
                    ? ApiException.dependencyUnavailable("an upstream service", null)
                    : ApiException.upstreamFailed(null);
            ErrorCode code = answer.code();
            String path = exchange.getRequest().getPath().value();
            LOG.warn(
                    "{} {}: the upstream answered {} without a problem body; answered {}",
                    method,
                    path,
                    upstream,
                    code);
            byte[] problem = Problems.json(code, code.status().value(), answer.getMessage(), path, List.of())
                    .getBytes(StandardCharsets.UTF_8);
            setStatusCode(code.status());
            HttpHeaders headers = getHeaders();
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            headers.setContentLength(problem.length);
            headers.set(
                    HttpHeaders.RETRY_AFTER, Long.toString(answer.retryAfter().toSeconds()));
            return getDelegate().writeWith(Mono.just(bufferFactory().wrap(problem)));
        }
    }
}
