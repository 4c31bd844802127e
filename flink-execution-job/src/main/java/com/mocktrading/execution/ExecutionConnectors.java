package com.mocktrading.execution;

import com.mocktrading.execution.functions.DeadLetterSerializer;
import com.mocktrading.execution.functions.DynamoDbClientFactory;
import com.mocktrading.execution.functions.OutcomeReadBack;
import com.mocktrading.execution.functions.OutcomeSerializer;
import com.mocktrading.execution.functions.PublishedOutcomes;
import com.mocktrading.execution.functions.RawRecordDeserializer;
import com.mocktrading.execution.records.DeadLetter;
import com.mocktrading.execution.records.Outcome;
import com.mocktrading.execution.records.RawRecord;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What the execution job reads from and writes to, apart from its logic: the orders, the two outputs, the read-back
 * of the outcomes topic and the DynamoDB client. {@link #of} makes the real ones from the configuration; a test
 * builds its own with the ones it swaps.
 */
public record ExecutionConnectors(
        Source<RawRecord, ?, ?> orders,
        Sink<DeadLetter> deadLetters,
        Sink<Outcome> outcomes,
        PublishedOutcomes.Source publishedOutcomes,
        DynamoDbClientFactory dynamoDb) {

    /**
     * Kafka in and out, exactly once: both sinks write in transactions that commit with the checkpoints, and the
     * orders are read read_committed. A first start reads trade_orders from its beginning.
     */
    public static ExecutionConnectors of(ExecutionJobConfig config) {
        return new ExecutionConnectors(
                orders(config),
                KafkaSink.<DeadLetter>builder()
                        .setBootstrapServers(config.kafkaBootstrapServers())
                        .setRecordSerializer(new DeadLetterSerializer(config.deadLetterTopic()))
                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                        .setTransactionalIdPrefix(config.transactionalIdPrefix() + "-dead-letters")
                        .setProperty(
                                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                                Long.toString(config.transactionTimeout().toMillis()))
                        .build(),
                KafkaSink.<Outcome>builder()
                        .setBootstrapServers(config.kafkaBootstrapServers())
                        .setRecordSerializer(new OutcomeSerializer(config.outcomesTopic()))
                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                        .setTransactionalIdPrefix(config.transactionalIdPrefix() + "-outcomes")
                        .setProperty(
                                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                                Long.toString(config.transactionTimeout().toMillis()))
                        .build(),
                OutcomeReadBack.of(config.kafkaBootstrapServers(), config.outcomesTopic()),
                DynamoDbClientFactory.sdk());
    }

    // The connector still takes Kafka's deprecated reset enum.
    @SuppressWarnings("deprecation")
    private static KafkaSource<RawRecord> orders(ExecutionJobConfig config) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(config.kafkaBootstrapServers())
                .setTopics(config.ordersTopic())
                .setGroupId(config.consumerGroup())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(
                        org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .build();
    }
}
