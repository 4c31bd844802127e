package com.mocktrading.cli;

/**
 * The options that name a store, spelt the same in every command, with the local run's addresses as defaults: a
 * command started without them talks to the local run.
 */
public enum StoreOption {
    KAFKA("kafka", "HOST:PORT", "Kafka bootstrap servers", "127.0.0.1:9092"),
    DYNAMODB("dynamodb", "URL", "the DynamoDB endpoint", "http://127.0.0.1:8000"),
    REDIS("redis", "URI", "Redis (the price cache)", "redis://127.0.0.1:6379"),
    ELASTICSEARCH("elasticsearch", "URL", "Elasticsearch", "http://127.0.0.1:9200"),
    CLICKHOUSE("clickhouse", "URL", "ClickHouse's HTTP interface", "http://127.0.0.1:8123");

    private final String option;
    private final String value;
    private final String help;
    private final String localRun;

    StoreOption(String option, String value, String help, String localRun) {
        this.option = option;
        this.value = value;
        this.help = help;
        this.localRun = localRun;
    }

    /** The option's name on the command line, without the dashes. */
    public String option() {
        return option;
    }

    String value() {
        return value;
    }

    String help() {
        return help;
    }

    /** Where the local run serves this store. */
    public String localRun() {
        return localRun;
    }
}
