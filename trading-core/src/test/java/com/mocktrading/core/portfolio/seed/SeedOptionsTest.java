package com.mocktrading.core.portfolio.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SeedOptionsTest {

    @Test
    void fillsInTheDefaultsOfALoadTest() {
        SeedOptions options = SeedOptions.parse("--dynamodb=http://localhost:8000", "--users=1000");

        assertThat(options)
                .isEqualTo(new SeedOptions(
                        "http://localhost:8000",
                        1000,
                        "load-user-",
                        new BigDecimal("100000.00"),
                        8,
                        "Portfolios",
                        "Funding"));
    }

    @Test
    void readsEveryOption() {
        SeedOptions options = SeedOptions.parse(
                "--dynamodb=aws",
                "--users=5",
                "--prefix=perf.",
                "--starting-cash=2500",
                "--threads=16",
                "--table=Portfolios-staging",
                "--funding-table=Funding-staging");

        assertThat(options)
                .isEqualTo(new SeedOptions(
                        "aws", 5, "perf.", new BigDecimal("2500.00"), 16, "Portfolios-staging", "Funding-staging"));
    }

    @Test
    void requiresTheStoreAndTheNumberOfUsers() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SeedOptions.parse("--users=10"))
                .withMessageContaining("--dynamodb");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SeedOptions.parse("--dynamodb=aws"))
                .withMessageContaining("--users");
    }

    @Test
    void rejectsUnknownOrMalformedArguments() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SeedOptions.parse("--dynamodb=aws", "--users=1", "--user-count=3"))
                .withMessageContaining("unknown option --user-count");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SeedOptions.parse("--dynamodb=aws", "users=1"))
                .withMessageContaining("unexpected argument 'users=1'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SeedOptions.parse("--dynamodb=aws", "--users=many"))
                .withMessageContaining("whole number");
    }

    @Test
    void rejectsUserIdsTheServicesWouldNotAccept() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SeedOptions.parse("--dynamodb=aws", "--users=1", "--prefix=load user "))
                .withMessageContaining("valid user id");
        // 63 characters of prefix leave room for one digit in 64: users 0-9, not 0-99
        String longPrefix = "u".repeat(62) + "-";
        assertThat(SeedOptions.parse("--dynamodb=aws", "--users=10", "--prefix=" + longPrefix)
                        .prefix())
                .isEqualTo(longPrefix);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SeedOptions.parse("--dynamodb=aws", "--users=11", "--prefix=" + longPrefix));
    }

    @Test
    void rejectsOutOfRangeNumbers() {
        assertThatIllegalArgumentException().isThrownBy(() -> SeedOptions.parse("--dynamodb=aws", "--users=0"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SeedOptions.parse("--dynamodb=aws", "--users=1", "--threads=0"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SeedOptions.parse("--dynamodb=aws", "--users=1", "--threads=51"));
    }

    @Test
    void rejectsStartingCashThatIsNotAnAmountOfCents() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SeedOptions.parse("--dynamodb=aws", "--users=1", "--starting-cash=0.001"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SeedOptions.parse("--dynamodb=aws", "--users=1", "--starting-cash=-5.00"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SeedOptions.parse("--dynamodb=aws", "--users=1", "--starting-cash=lots"))
                .withMessageContaining("--starting-cash");
    }
}
