package com.mocktrading.persistence.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.util.BinaryData;
import com.mocktrading.persistence.deadletter.DeadLetterTarget;
import com.mocktrading.persistence.sink.StoredTrade;
import com.mocktrading.persistence.sink.TradeStoreWriter;
import com.mocktrading.persistence.sink.WriteOutcome;
import com.mocktrading.persistence.source.TradeRecord;
import com.mocktrading.tracing.TracingSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * One bulk request per batch; documents go as raw JSON bytes (no re-encoding). Per item: 429 and 5xx are retried,
 * any other error (e.g. a mapping conflict under the strict template) is a refusal for good: dead-lettered.
 */
final class ElasticsearchTradeWriter extends TradeStoreWriter {

    private static final String JSON = "application/json";

    private final RestClient rest;
    private final ElasticsearchAsyncClient client;

    ElasticsearchTradeWriter(
            String url,
            DeadLetterTarget deadLetters,
            TracingSettings tracing,
            ElementConverter<TradeRecord, StoredTrade> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<StoredTrade>> state) {
        super(
                "elasticsearch",
                "store in Elasticsearch",
                deadLetters,
                tracing,
                converter,
                context,
                configuration,
                state);
        this.rest = RestClient.builder(HttpHost.create(url))
                .setRequestConfigCallback(
                        request -> request.setConnectTimeout(2_000).setSocketTimeout(30_000))
                .build();
        this.client = new ElasticsearchAsyncClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    @Override
    protected CompletionStage<WriteOutcome> write(List<StoredTrade> batch) {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (StoredTrade trade : batch) {
            BinaryData document = BinaryData.of(trade.body().getBytes(StandardCharsets.UTF_8), JSON);
            bulk.operations(operation -> operation.index(
                    index -> index.index(trade.destination()).id(trade.id()).document(document)));
        }
        return client.bulk(bulk.build()).thenApply(response -> {
            if (!response.errors()) {
                return WriteOutcome.allWritten();
            }
            List<StoredTrade> retry = new ArrayList<>();
            List<WriteOutcome.Refusal> refused = new ArrayList<>();
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                if (item.error() == null) {
                    continue;
                }
                if (item.status() == 429 || item.status() >= 500) {
                    retry.add(batch.get(i));
                } else {
                    refused.add(new WriteOutcome.Refusal(
                            batch.get(i),
                            item.index() + " (" + item.status() + "): "
                                    + item.error().reason()));
                }
            }
            return new WriteOutcome(retry, refused);
        });
    }

    @Override
    public void close() {
        super.close();
        try {
            rest.close();
        } catch (IOException e) {
            // closing: nothing left to write through it
        }
    }
}
