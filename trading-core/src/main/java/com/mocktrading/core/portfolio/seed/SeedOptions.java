package com.mocktrading.core.portfolio.seed;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.domain.money.Money;
import com.mocktrading.events.UserIds;
import java.math.BigDecimal;

/**
 * What {@link SeedPortfolios} is asked to do.
 *
 * @param dynamoDb DynamoDB Local's URL, or {@code aws} for the real service (region and credentials from the
 *     environment)
 * @param users how many users: {@code <prefix>0} to {@code <prefix>(users-1)}
 * @param threads concurrent provisioning calls; at most 50, the connection pool of the SDK's default HTTP client
 */
public record SeedOptions(
        String dynamoDb,
        int users,
        String prefix,
        BigDecimal startingCash,
        int threads,
        String table,
        String fundingTable) {

    static final int MAX_THREADS = 50;

    public static final CommandLine COMMAND = CommandLine.command(
                    "SeedPortfolios --dynamodb=URL|aws --users=N [options]",
                    "Provisions N users' portfolios, each funded once, as the portfolio service would.")
            .option("dynamodb", "URL|aws", "DynamoDB Local's URL, or aws for the real service")
            .option("users", "N", "how many users: PREFIX0 to PREFIX(N-1)")
            .option("prefix", "PREFIX", "of the user ids", "load-user-")
            .option("starting-cash", "AMOUNT", "each user's funding", "100000.00")
            .option("threads", "N", "concurrent provisioning calls, at most " + MAX_THREADS, "8")
            .option("table", "TABLE", "portfolios", TableDefinitions.PORTFOLIOS)
            .option("funding-table", "TABLE", "opening funding", TableDefinitions.FUNDING);

    public SeedOptions {
        require(dynamoDb != null && !dynamoDb.isBlank(), "--dynamodb is required");
        require(users >= 1, "--users must be at least 1");
        require(
                prefix != null && UserIds.isValid(prefix + (users - 1)),
                "--prefix plus the user number must be a valid user id (1-64 of [A-Za-z0-9._@-])");
        require(startingCash != null && startingCash.signum() >= 0, "--starting-cash must not be negative");
        startingCash = Money.cash(startingCash);
        require(threads >= 1 && threads <= MAX_THREADS, "--threads must be from 1 to " + MAX_THREADS);
        require(table != null && !table.isBlank(), "--table must not be empty");
        require(fundingTable != null && !fundingTable.isBlank(), "--funding-table must not be empty");
    }

    /**
     * Parses the command line; throws {@link IllegalArgumentException} with the reason (the usage for
     * {@code --help}).
     */
    public static SeedOptions parse(String... args) {
        try {
            return from(COMMAND.parse(args));
        } catch (CommandLine.UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** From parsed arguments; throws {@link IllegalArgumentException} for a value it cannot take. */
    public static SeedOptions from(CommandLine.Arguments values) {
        return new SeedOptions(
                values.get("dynamodb"),
                number(values.get("users"), "--users is required", "--users"),
                values.get("prefix"),
                cash(values.get("starting-cash")),
                number(values.get("threads"), "--threads is required", "--threads"),
                values.get("table"),
                values.get("funding-table"));
    }

    private static int number(String text, String missing, String flag) {
        require(text != null, missing);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number, got '" + text + "'");
        }
    }

    private static BigDecimal cash(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--starting-cash must be a decimal amount, got '" + text + "'");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
