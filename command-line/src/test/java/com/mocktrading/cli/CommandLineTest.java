package com.mocktrading.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private final CommandLine command = CommandLine.command("bin/try NAME... [options]", "Tries things.")
            .positional("[NAME...]", "what to try")
            .option("users", "N", "simulated users", "40")
            .option("kafka", "HOST:PORT", "the brokers")
            .flag("list", "lists the names");

    @Test
    void takesEitherFormOfAnOptionSwitchesAndPositionals() throws Exception {
        CommandLine.Arguments arguments =
                command.parse("--users=10", "one", "--kafka", "h:9092", "--list", "two", "--users=12");

        assertThat(arguments.options()).isEqualTo(Map.of("users", "12", "kafka", "h:9092", "list", "true"));
        assertThat(arguments.positionals()).isEqualTo(List.of("one", "two"));
        assertThat(arguments.get("kafka")).isEqualTo("h:9092");
        assertThat(command.parse().get("users")).as("the declared default").isEqualTo("40");
        assertThat(command.parse().get("kafka")).isNull();
        assertThat(command.parse().get("kafka", "fallback")).isEqualTo("fallback");
        assertThat(arguments.has("list")).isTrue();
    }

    @Test
    void namesEveryStoreOneWayWithTheLocalRunAsDefaultOrNoneWhenOptional() throws Exception {
        CommandLine tool = CommandLine.command("bin/tool", "Uses stores.")
                .stores(StoreOption.KAFKA, StoreOption.DYNAMODB)
                .optionalStores(StoreOption.ELASTICSEARCH);

        CommandLine.Arguments arguments = tool.parse("--dynamodb=http://db:8000");

        assertThat(arguments.get(StoreOption.KAFKA)).isEqualTo("127.0.0.1:9092");
        assertThat(arguments.get(StoreOption.DYNAMODB)).isEqualTo("http://db:8000");
        assertThat(arguments.get(StoreOption.ELASTICSEARCH)).isNull();
        assertThat(tool.usage()).contains("--kafka=HOST:PORT").contains("--elasticsearch=URL");
        assertThatThrownBy(() -> tool.parse("--redis=redis://x:6379"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("--redis");
    }

    @Test
    void takesOptionalPositionalsWhenGiven() throws Exception {
        CommandLine pair = CommandLine.command("bin/pair", "Two and one more.")
                .positional("A", "first")
                .positional("B", "second")
                .positional("[C]", "optional");
        assertThat(pair.parse("a", "b").positionals()).isEqualTo(List.of("a", "b"));
        assertThat(pair.parse("a", "b", "c").positionals()).isEqualTo(List.of("a", "b", "c"));
    }

    @Test
    void keepsAnEmptyValueAndAValueWithEqualsSigns() throws Exception {
        assertThat(command.parse("--kafka=", "--users=a=b").options()).isEqualTo(Map.of("kafka", "", "users", "a=b"));
    }

    @Test
    void refusesWhatTheCommandDoesNotTakeWithItsUsage() {
        assertRefused(command, "unknown option --user", "--user=3");
        assertRefused(command, "--users needs a value: --users=N", "--users");
        assertRefused(command, "--users needs a value: --users=N", "--users", "--list");
        assertRefused(command, "--list takes no value", "--list=yes");
        assertRefused(CommandLine.command("bin/plain", "No positionals."), "unexpected argument 'stray'", "stray");
        assertRefused(
                CommandLine.command("bin/some", "At least one.").positional("NAME...", "one or more"),
                "expected NAME..., got nothing");
        CommandLine pair = CommandLine.command("bin/pair", "Two and one more.")
                .positional("A", "first")
                .positional("B", "second")
                .positional("[C]", "optional");
        assertRefused(pair, "expected A B [C], got a", "a");
        assertRefused(pair, "expected A B [C], got a b c d", "a", "b", "c", "d");
    }

    @Test
    void answersHelpWithTheUsageAndStatusZero() {
        assertThatThrownBy(() -> command.parse("--users=3", "--help"))
                .isInstanceOfSatisfying(CommandLine.UsageException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage())
                            .startsWith("usage: bin/try NAME... [options]\nTries things.\n")
                            .contains("  [NAME...] ")
                            .contains("  --users=N ")
                            .contains("simulated users (default 40)")
                            .contains("  --list ")
                            .contains("  --help ");
                });
        assertThatThrownBy(() -> command.parse("-h")).isInstanceOf(CommandLine.UsageException.class);
    }

    @Test
    void checksOptionsAProgramGivesLikeTypedOnes() {
        assertThat(command.arguments(Map.of("kafka", "h:1")).get("users")).isEqualTo("40");
        assertThatThrownBy(() -> command.arguments(Map.of("kafk", "h:1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown option --kafk");
    }

    private static void assertRefused(CommandLine command, String reason, String... args) {
        assertThatThrownBy(() -> command.parse(args)).isInstanceOfSatisfying(CommandLine.UsageException.class, e -> {
            assertThat(e.status()).isEqualTo(2);
            assertThat(e.getMessage()).startsWith(reason + "\nusage: ");
        });
    }
}
