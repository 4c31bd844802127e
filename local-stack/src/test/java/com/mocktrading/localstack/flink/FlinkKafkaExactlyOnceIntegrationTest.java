package com.mocktrading.localstack.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.kafka.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class FlinkKafkaExactlyOnceIntegrationTest {

    private static final int RECORDS = 200;
    private static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();
    private static final AtomicInteger SEEN = new AtomicInteger();

    private final String bootstrap = SharedServers.kafka().bootstrapServers();
    private final FlinkMiniCluster flink = SharedFlinkCluster.get();

    @Test
    void checkpointedJobWritesEachRecordOnceForReadCommittedConsumersDespiteAFailure() throws Exception {
        // Given input records and an empty output topic
        String suffix = Long.toString(System.nanoTime());
        String input = "eos-in-" + suffix;
        String output = "eos-out-" + suffix;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(input, 2, (short) 1), new NewTopic(output, 2, (short) 1)))
                    .all()
                    .get();
        }
        produce(input);

        // When a checkpointed exactly-once job copies them and fails once midway
        JobClient job = exactlyOnceCopyJob(input, output, suffix).executeAsync("exactly-once-copy");
        try {
            List<String> committed = TopicReader.readCommitted(bootstrap)
                    .readValues(output, RECORDS, Duration.ofSeconds(90), Duration.ofSeconds(2));

            // Then a read_committed consumer sees every record exactly once, after a real failure and restart
            assertThat(FAILED_ONCE).isTrue();
            assertThat(committed).hasSize(RECORDS).doesNotHaveDuplicates();
        } finally {
            job.cancel().get();
        }
    }

    private StreamExecutionEnvironment exactlyOnceCopyJob(String input, String output, String suffix) {
        Configuration configuration = new Configuration();
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = flink.remoteEnvironment(configuration);
        env.setParallelism(2);
        env.enableCheckpointing(500, CheckpointingMode.EXACTLY_ONCE);
        KafkaSource<String> source = KafkaSource.<String>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(input)
                .setGroupId("eos-" + suffix)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setValueOnlyDeserializer(new SimpleStringSchema())
                .build();
        KafkaSink<String> sink = KafkaSink.<String>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(KafkaRecordSerializationSchema.builder()
                        .setTopic(output)
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix("eos-" + suffix)
                .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000")
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "input")
                .uid("input")
                .map(new FailOnceAfterHalf())
                .uid("fail-once")
                .sinkTo(sink)
                .uid("output");
        return env;
    }

    /** Fails the job once, after half the records, so that recovery from a checkpoint replays some of them. */
    static final class FailOnceAfterHalf implements MapFunction<String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String map(String value) throws Exception {
            if (SEEN.incrementAndGet() > RECORDS / 2 && FAILED_ONCE.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure");
            }
            if (!FAILED_ONCE.get()) {
                Thread.sleep(5); // lets a checkpoint or two complete before the failure
            }
            return value.toUpperCase();
        }
    }

    private void produce(String topic) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "record-" + i));
            }
            producer.flush();
        }
    }
}
