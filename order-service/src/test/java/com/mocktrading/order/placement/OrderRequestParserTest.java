package com.mocktrading.order.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mocktrading.events.Side;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import com.mocktrading.platform.error.FieldError;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderRequestParserTest {

    @Test
    void parsesAWellFormedOrder() {
        OrderRequest order = OrderRequestParser.parse(Map.of("symbol", "BRK.B", "side", "SELL", "quantity", 1_000_000));

        assertThat(order).isEqualTo(new OrderRequest("BRK.B", Side.SELL, 1_000_000));
        assertThat(order.fingerprint()).isEqualTo("BRK.B|SELL|1000000");
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        Map<String, Object> body = new HashMap<>();
        body.put("symbol", "acme");
        body.put("side", "short");
        body.put("quantity", 2.5);
        body.put("limitPrice", "1.00");

        ApiException refused = catchThrowableOfType(ApiException.class, () -> OrderRequestParser.parse(body));

        assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refused.fieldErrors())
                .extracting(FieldError::field)
                .containsExactly("limitPrice", "symbol", "side", "quantity");
    }

    @Test
    void acceptsOnlyWholeQuantitiesInRange() {
        for (Object bad :
                new Object[] {0, -1, 1_000_001, 10.0, "5", null, new BigInteger("99999999999999999999"), true}) {
            Map<String, Object> body = new HashMap<>(Map.of("symbol", "ACME", "side", "BUY"));
            body.put("quantity", bad);
            ApiException refused = catchThrowableOfType(ApiException.class, () -> OrderRequestParser.parse(body));
            assertThat(refused.fieldErrors())
                    .as(String.valueOf(bad))
                    .extracting(FieldError::field)
                    .containsExactly("quantity");
        }
        assertThat(OrderRequestParser.parse(Map.of("symbol", "ACME", "side", "BUY", "quantity", 1L))
                        .quantity())
                .isEqualTo(1);
    }
}
