package com.mocktrading.gateway.ratelimit;

import com.mocktrading.redis.RedisScript;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A token bucket per key in Redis, taken and refilled by one script, so that every gateway replica shares each
 * user's budget and two requests can never spend the same token. The script reads Redis' own clock: replicas
 * whose clocks disagree still agree on the refill.
 */
public final class TokenBucket {

    private static final RedisScript TAKE = new RedisScript(
            """
            local capacity = tonumber(ARGV[1])
            local per_second = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or capacity
            local at = tonumber(state[2]) or now
            if now > at then
              tokens = math.min(capacity, tokens + (now - at) * per_second / 1000)
            end
            local allowed = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(math.max(now, at)))
            redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / per_second * 1000) + 1000)
            local until_one = 0
            if tokens < 1 then
              until_one = math.ceil((1 - tokens) * 1000 / per_second)
            end
            local until_full = math.ceil((capacity - tokens) * 1000 / per_second)
            return {allowed, math.floor(tokens), until_one, until_full}
            """);

    private final Supplier<RedisAsyncCommands<String, String>> redis;
    private final int capacity;
    private final double refillPerSecond;

    public TokenBucket(Supplier<RedisAsyncCommands<String, String>> redis, int capacity, double refillPerSecond) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("capacity must be at least 1 and the refill rate positive");
        }
        this.redis = redis;
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
    }

    public int capacity() {
        return capacity;
    }

    public double refillPerSecond() {
        return refillPerSecond;
    }

    /** Takes one token from the key's bucket if it has one. */
    public CompletionStage<Decision> take(String key) {
        String[] keys = {"ratelimit:" + key};
        String[] args = {Integer.toString(capacity), Double.toString(refillPerSecond)};
        CompletionStage<List<Long>> result = TAKE.run(redis.get(), ScriptOutputType.MULTI, keys, args);
        return result.thenApply(values ->
                new Decision(values.get(0) == 1L, capacity, values.get(1).intValue(), values.get(2), values.get(3)));
    }

    /**
     * @param remaining whole tokens left after this request
     * @param millisUntilNextToken how long until a refused caller may try again (0 when allowed)
     * @param millisUntilFull how long until the bucket is full again
     */
    public record Decision(
            boolean allowed, int limit, int remaining, long millisUntilNextToken, long millisUntilFull) {}
}
