package com.mocktrading.core.portfolio.seed;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.core.dynamodb.DynamoDbClients;
import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.domain.money.Money;
import java.io.PrintStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Bulk provisioning of test users before a load test, so that the test measures trading rather than first
 * requests: {@code --dynamodb=<url or aws> --users=N [--prefix=load-user-] [--starting-cash=100000.00]
 * [--threads=8] [--table=Portfolios]}. Never resets a user who exists. Exits 0 when done, 1 when the store
 * failed (run it again to continue), 2 on bad arguments.
 */
public final class SeedPortfolios {

    private SeedPortfolios() {}

    public static void main(String[] args) throws InterruptedException {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The command without the process exit, for tests: returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        SeedOptions options;
        try {
            options = SeedOptions.from(SeedOptions.COMMAND.parse(args));
        } catch (CommandLine.UsageException e) {
            (e.status() == 0 ? out : err).println(e.getMessage());
            return e.status();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(SeedOptions.COMMAND.usage());
            return 2;
        }
        out.printf(
                "seeding %d users %s0..%s%d with %s each into %s at %s, %d threads%n",
                options.users(),
                options.prefix(),
                options.prefix(),
                options.users() - 1,
                Money.formatCash(options.startingCash()),
                options.table(),
                options.dynamoDb(),
                options.threads());
        try (DynamoDbClient dynamo = DynamoDbClients.create(options.dynamoDb())) {
            PortfolioSeeder.Summary summary = new PortfolioSeeder(
                            new PortfolioStore(dynamo, options.table(), options.fundingTable()),
                            options.startingCash(),
                            options.threads(),
                            out)
                    .seed(options.prefix(), options.users());
            out.printf(
                    "done: %d created, %d already existed, in %d ms (%d users/s)%n",
                    summary.created(), summary.existing(), summary.elapsed().toMillis(), summary.usersPerSecond());
            return 0;
        } catch (RuntimeException e) {
            err.println("seeding failed: " + e.getMessage());
            return 1;
        }
    }
}
