package com.mocktrading.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mocktrading.localstack.SharedServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real Redis: the script runs by its SHA, and again after the server forgot every script. */
class RedisScriptIntegrationTest {

    private static final RedisScript INCREMENT = new RedisScript("return redis.call('INCRBY', KEYS[1], ARGV[1])");

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(SharedServers.redis().uri());
        connection = client.connect();
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void runsByItsShaAndLoadsItselfAgainWhenRedisForgotIt() {
        RedisAsyncCommands<String, String> redis = connection.async();
        String key = "redis-script-" + UUID.randomUUID();

        connection.sync().scriptFlush();
        assertThat(connection.sync().scriptExists(INCREMENT.sha())).containsExactly(false);
        assertThat(this.<Long>join(INCREMENT.run(redis, ScriptOutputType.INTEGER, new String[] {key}, "2")))
                .isEqualTo(2L);
        assertThat(connection.sync().scriptExists(INCREMENT.sha())).containsExactly(true);
        assertThat(this.<Long>join(INCREMENT.run(redis, ScriptOutputType.INTEGER, new String[] {key}, "3")))
                .isEqualTo(5L);
    }

    @Test
    void failsWithTheScriptsOwnErrorOtherwise() {
        RedisAsyncCommands<String, String> redis = connection.async();
        String key = "redis-script-" + UUID.randomUUID();
        connection.sync().set(key, "not a number");

        assertThatThrownBy(() -> join(INCREMENT.run(redis, ScriptOutputType.INTEGER, new String[] {key}, "1")))
                .isInstanceOf(RedisCommandExecutionException.class)
                .hasMessageContaining("not an integer");
    }

    private <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }
}
