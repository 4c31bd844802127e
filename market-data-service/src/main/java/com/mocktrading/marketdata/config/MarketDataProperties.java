package com.mocktrading.marketdata.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the market-data service is sized and bounded.
 *
 * @param universeSize how many symbols of the simulated universe are listed (the simulator's {@code --symbols})
 * @param maxTopicsPerConnection topics one WebSocket connection may hold
 * @param maxFrameSize largest client frame answered; larger ones get a FRAME_TOO_LARGE error frame
 * @param maxTransportFrameSize beyond this the transport closes the connection without reading on
 * @param orderedBacklog replies and order updates queued for a client that does not read before it is dropped
 * @param orderedBacklogSize the same bound in size (characters of the queued frames)
 * @param maxConnectionsPerUser WebSocket connections one user may hold on one instance
 * @param snapshotTimeout bound on a subscription's snapshot read
 * @param redisWatchdogInterval how often the shared Pub/Sub connection is checked (and reconnected)
 * @param batchTimeout bound on writing one consumed batch to Redis before the batch is retried
 * @param maxFeedClockSkew how far in the future a feed tick may be dated and still be taken
 */
@ConfigurationProperties("mocktrading.market-data")
public record MarketDataProperties(
        @DefaultValue("1000") int universeSize,
        @DefaultValue("200") int maxTopicsPerConnection,
        @DefaultValue("64KB") DataSize maxFrameSize,
        @DefaultValue("1MB") DataSize maxTransportFrameSize,
        @DefaultValue("1000") int orderedBacklog,
        @DefaultValue("1MB") DataSize orderedBacklogSize,
        @DefaultValue("10") int maxConnectionsPerUser,
        @DefaultValue("2s") Duration snapshotTimeout,
        @DefaultValue("500ms") Duration redisWatchdogInterval,
        @DefaultValue("5s") Duration batchTimeout,
        @DefaultValue("5s") Duration maxFeedClockSkew,
        @DefaultValue("market-data-service.prices") String pricesConsumerGroup,
        @DefaultValue("market-data-service.orders") String ordersConsumerGroup) {}
