package com.mocktrading.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script run atomically on Redis by its SHA-1: EVALSHA sends 40 bytes instead of the script. A server that
 * does not know it (restarted, failed over, {@code SCRIPT FLUSH}) answers NOSCRIPT, and the script itself is sent
 * (EVAL), which loads it again for the calls after.
 */
public final class RedisScript {

    private final String source;
    private final String sha;

    public RedisScript(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    /** Runs the script with {@code keys} and {@code args}; its result arrives as {@code output} says. */
    public <T> CompletionStage<T> run(
            RedisAsyncCommands<String, String> commands, ScriptOutputType output, String[] keys, String... args) {
        return commands.<T>evalsha(sha, output, keys, args)
                .exceptionallyCompose(e -> unwrap(e) instanceof RedisNoScriptException
                        ? commands.<T>eval(source, output, keys, args)
                        : CompletableFuture.failedStage(unwrap(e)));
    }

    public String sha() {
        return sha;
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
