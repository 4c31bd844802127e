package com.mocktrading.portfolio.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PortfolioPropertiesTest {

    @Test
    void keepsTheStartingCashAtTwoDecimals() {
        assertThat(new PortfolioProperties(new BigDecimal("100000")).startingCash())
                .isEqualTo(new BigDecimal("100000.00"));
    }

    @Test
    void rejectsStartingCashWithFractionsOfACent() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PortfolioProperties(new BigDecimal("0.001")));
    }

    @Test
    void rejectsNegativeStartingCash() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PortfolioProperties(new BigDecimal("-1.00")));
    }
}
