package com.mocktrading.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.StoreTables;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.portfolio.PortfolioStore.Consistency;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.localstack.SharedServers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class PortfolioStoreIntegrationTest {

    private static DynamoDbClient dynamo;
    private static PortfolioStore store;

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
    void provisionsAFirstTimeUserWithTheStartingCashAndItsFundingEntryExactlyOnceUnderConcurrency() throws Exception {
        // Given a user nobody has seen and 16 concurrent first requests with different starting cash
        String user = "user-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Portfolio>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            BigDecimal cash = new BigDecimal(1000 + i);
            results.add(pool.submit(() -> {
                start.await();
                return store.provision(user, cash);
            }));
        }

        // When they race
        start.countDown();
        List<Portfolio> seen = new ArrayList<>();
        for (Future<Portfolio> result : results) {
            seen.add(result.get());
        }
        pool.shutdown();

        // Then all of them see the one portfolio that won, and it is stored
        assertThat(seen)
                .extracting(Portfolio::cashBalance)
                .containsOnly(seen.get(0).cashBalance());
        assertThat(store.find(user, Consistency.STRONG)).contains(seen.get(0));
        assertThat(seen.get(0).holdings()).isEmpty();
        assertThat(seen.get(0).version()).isZero();
        assertThat(new FundingLedger(dynamo, TableDefinitions.FUNDING).entriesOf(user))
                .containsExactly(Map.entry(FundingLedger.OPENING, seen.get(0).cashBalance()));
    }

    @Test
    void neverResetsAnExistingPortfolio() {
        String user = "user-" + UUID.randomUUID();
        store.provision(user, new BigDecimal("500.00"));

        Portfolio again = store.findOrProvision(user, new BigDecimal("999999.00"), Consistency.STRONG);

        assertThat(again.cashBalance()).isEqualByComparingTo("500.00");
    }

    @Test
    void findsNothingForAnUnknownUser() {
        assertThat(store.find("nobody-" + UUID.randomUUID(), Consistency.EVENTUAL))
                .isEmpty();
    }
}
