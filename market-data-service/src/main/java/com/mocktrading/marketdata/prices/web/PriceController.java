package com.mocktrading.marketdata.prices.web;

import com.mocktrading.core.price.PriceCache;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.marketdata.prices.PriceView;
import com.mocktrading.marketdata.symbols.SymbolDirectory;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import com.mocktrading.platform.error.FieldError;
import com.mocktrading.platform.store.StoreProperties;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /prices/{symbol}} and {@code GET /prices?symbols=A,B}, from the Redis cache. A symbol outside the
 * universe is 404 (single) or 422 UNKNOWN_SYMBOL (list); a listed symbol without a price yet is 503
 * PRICE_UNAVAILABLE (single) or left out (list).
 */
@RestController
class PriceController {

    static final int MAX_SYMBOLS = 100;

    private final PriceCache prices;
    private final SymbolDirectory symbols;
    private final Duration timeout;

    PriceController(PriceCache prices, SymbolDirectory symbols, StoreProperties stores) {
        this.prices = prices;
        this.symbols = symbols;
        this.timeout = stores.redisCommandTimeout().multipliedBy(2);
    }

    @GetMapping("/prices/{symbol}")
    Mono<PriceView> price(@PathVariable String symbol) {
        if (!symbols.contains(symbol)) {
            return Mono.error(new ApiException(ErrorCode.NOT_FOUND, "no such symbol"));
        }
        return read(List.of(symbol))
                .flatMap(latest -> latest.containsKey(symbol)
                        ? Mono.just(PriceView.of(latest.get(symbol)))
                        : Mono.error(new ApiException(ErrorCode.PRICE_UNAVAILABLE, "no price for " + symbol + " yet")));
    }

    @GetMapping("/prices")
    Mono<List<PriceView>> prices(@RequestParam(name = "symbols", required = false) String list) {
        if (list == null || list.isBlank()) {
            return Mono.error(invalid("a comma-separated list of symbols is required"));
        }
        Set<String> wanted = new LinkedHashSet<>(
                Arrays.stream(list.split(",", -1)).map(String::trim).toList());
        if (wanted.contains("")) {
            return Mono.error(invalid("empty symbol in the list"));
        }
        if (wanted.size() > MAX_SYMBOLS) {
            return Mono.error(invalid("at most " + MAX_SYMBOLS + " symbols per request"));
        }
        List<String> unknown = wanted.stream()
                .filter(symbol -> !symbols.contains(symbol))
                .limit(10)
                .toList();
        if (!unknown.isEmpty()) {
            return Mono.error(
                    new ApiException(ErrorCode.UNKNOWN_SYMBOL, "unknown symbols: " + String.join(", ", unknown)));
        }
        return read(wanted)
                .map(latest -> latest.values().stream().map(PriceView::of).toList());
    }

    private Mono<Map<String, LatestPrice>> read(Collection<String> wanted) {
        return Mono.fromCompletionStage(() -> prices.latestAsync(wanted))
                .subscribeOn(Schedulers.boundedElastic()) // reconnecting to Redis blocks
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof ApiException), e -> ApiException.dependencyUnavailable("redis", e));
    }

    private static ApiException invalid(String message) {
        return ApiException.validation(List.of(new FieldError("symbols", message)));
    }
}
