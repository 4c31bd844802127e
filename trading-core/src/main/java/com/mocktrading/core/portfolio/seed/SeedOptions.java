package com.mocktrading.core.portfolio.seed;

import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.money.Money;
import com.mocktrading.events.UserIds;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

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

    public static final String USAGE = "usage: SeedPortfolios --dynamodb=<endpoint url, or 'aws'> --users=<N>"
            + " [--prefix=load-user-] [--starting-cash=100000.00] [--threads=8] [--table=Portfolios]"
            + " [--funding-table=Funding]";

    static final int MAX_THREADS = 50;

    /** The services accept only these user ids (JWT subjects), so seeded users must have them too. */
    private static final Set<String> FLAGS =
            Set.of("dynamodb", "users", "prefix", "starting-cash", "threads", "table", "funding-table");

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

    /** Parses {@code --name=value} arguments; throws {@link IllegalArgumentException} with the reason. */
    public static SeedOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            require(arg.startsWith("--") && equals > 2, "unexpected argument '" + arg + "': expected --name=value");
            String name = arg.substring(2, equals);
            require(FLAGS.contains(name), "unknown option --" + name);
            values.put(name, arg.substring(equals + 1));
        }
        return new SeedOptions(
                values.get("dynamodb"),
                number(values.get("users"), "--users is required", "--users"),
                values.getOrDefault("prefix", "load-user-"),
                cash(values.getOrDefault("starting-cash", "100000.00")),
                number(values.getOrDefault("threads", "8"), "--threads is required", "--threads"),
                values.getOrDefault("table", TableDefinitions.PORTFOLIOS),
                values.getOrDefault("funding-table", TableDefinitions.FUNDING));
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
