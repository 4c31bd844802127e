package com.mocktrading.core.portfolio.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.mocktrading.core.StoreTables;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.portfolio.PortfolioItems;
import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.core.portfolio.PortfolioStore.Consistency;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.localstack.FreePorts;
import com.mocktrading.localstack.SharedServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class PortfolioSeederIntegrationTest {

    private static final BigDecimal STARTING_CASH = new BigDecimal("100000.00");

    private static DynamoDbClient dynamo;
    private static PortfolioStore store;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void createTables() {
        dynamo = SharedServers.dynamoDb().client();
        StoreTables.create(dynamo);
        store = new PortfolioStore(dynamo, TableDefinitions.PORTFOLIOS, TableDefinitions.FUNDING);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void seedsEveryUserOnceAndASecondRunCreatesNone() throws Exception {
        // Given 40 users nobody has seen
        String prefix = uniquePrefix();
        PortfolioSeeder seeder = new PortfolioSeeder(store, STARTING_CASH, 4, out);

        // When they are seeded twice
        PortfolioSeeder.Summary first = seeder.seed(prefix, 40);
        PortfolioSeeder.Summary second = seeder.seed(prefix, 40);

        // Then the first run created all of them with the starting cash and the second none
        assertThat(first.created()).isEqualTo(40);
        assertThat(first.existing()).isZero();
        assertThat(second.created()).isZero();
        assertThat(second.existing()).isEqualTo(40);
        IntStream.range(0, 40).forEach(i -> assertThat(store.find(prefix + i, Consistency.STRONG))
                .hasValueSatisfying(portfolio -> {
                    assertThat(portfolio.cashBalance()).isEqualTo(STARTING_CASH);
                    assertThat(portfolio.holdings()).isEmpty();
                    assertThat(portfolio.version()).isZero();
                }));
        assertThat(store.find(prefix + 40, Consistency.STRONG)).isEmpty();

        // And it reported its progress, ending with all users
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("40/40 users (40 created, 0 existing)")
                .contains("40/40 users (0 created, 40 existing)");
    }

    @Test
    void neverResetsAUserWhoAlreadyTraded() throws Exception {
        // Given user 1 of the range has traded since being provisioned
        String prefix = uniquePrefix();
        Portfolio traded = new Portfolio(
                prefix + 1,
                new BigDecimal("1.23"),
                Map.of("ACME", 7L),
                Map.of("ACME", new BigDecimal("700.00")),
                new BigDecimal("-4.56"),
                Instant.parse("2026-11-24T03:00:00.123Z"),
                3);
        dynamo.putItem(b -> b.tableName(TableDefinitions.PORTFOLIOS).item(PortfolioItems.toItem(traded)));

        // When the range is seeded
        PortfolioSeeder.Summary summary = new PortfolioSeeder(store, STARTING_CASH, 2, out).seed(prefix, 3);

        // Then the others were created and that user kept everything
        assertThat(summary.created()).isEqualTo(2);
        assertThat(summary.existing()).isEqualTo(1);
        assertThat(store.find(prefix + 1, Consistency.STRONG)).contains(traded);
    }

    @Test
    void commandSeedsThroughItsOwnClientAndPrintsASummary() throws Exception {
        // Given the command line of a load test preparation
        String prefix = uniquePrefix();
        String[] args = {
            "--dynamodb=" + SharedServers.dynamoDb().endpointUrl(),
            "--users=5",
            "--prefix=" + prefix,
            "--starting-cash=2500",
            "--threads=3"
        };
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);

        // When it runs twice
        int firstStatus = SeedPortfolios.run(args, out, err);
        int secondStatus = SeedPortfolios.run(args, out, err);

        // Then both succeed, the users exist with that cash, and each run says what it did
        assertThat(firstStatus).isZero();
        assertThat(secondStatus).isZero();
        assertThat(errors.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(store.find(prefix + 4, Consistency.STRONG))
                .hasValueSatisfying(
                        portfolio -> assertThat(portfolio.cashBalance()).isEqualTo(new BigDecimal("2500.00")));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("seeding 5 users " + prefix + "0.." + prefix + "4 with 2500.00 each")
                .contains("done: 5 created, 0 already existed")
                .contains("done: 0 created, 5 already existed");
    }

    @Test
    void commandRefusesBadArgumentsWithItsUsage() throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int status = SeedPortfolios.run(
                new String[] {"--users=5"}, out, new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("--dynamodb is required")
                .contains("usage:");
    }

    @Test
    void stopsAndSaysHowFarItGotWhenTheStoreFails() {
        // Given a store that nothing answers for
        try (DynamoDbClient unreachable = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + FreePorts.next()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMillis(500)))
                .build()) {
            PortfolioSeeder seeder = new PortfolioSeeder(
                    new PortfolioStore(unreachable, TableDefinitions.PORTFOLIOS, TableDefinitions.FUNDING),
                    STARTING_CASH,
                    2,
                    out);

            // When seeding, then it stops with what it did so far
            assertThatIllegalStateException()
                    .isThrownBy(() -> seeder.seed(uniquePrefix(), 100))
                    .withMessageContaining("stopped after 0 users (0 created)")
                    .withMessageContaining("run it again");
        }
    }

    private static String uniquePrefix() {
        return "seed-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }
}
