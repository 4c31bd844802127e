package com.mocktrading.schema.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mocktrading.schema.Resources;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

/**
 * Installs the index template behind the monthly {@code trading_trades-yyyy-MM} indices. Putting a template
 * is idempotent; it shapes indices created after it, which is why it must exist before the first trade. Indices
 * created under an older template get its new fields too: their mapping is strict, so a document with a field it
 * lacks would be refused (and dead-lettered) until the month's index rolls over.
 */
public final class ElasticsearchTemplateBootstrap {

    public static final String TEMPLATE_NAME = "trading_trades";
    public static final String INDEX_PREFIX = "trading_trades-";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchClient client;
    private final int replicas;

    public ElasticsearchTemplateBootstrap(ElasticsearchClient client, int replicas) {
        this.client = client;
        this.replicas = replicas;
    }

    public List<String> apply() throws IOException {
        String template = Resources.text("schema/elasticsearch/trading_trades.template.json")
                .replace("\"${replicas}\"", Integer.toString(replicas));
        client.indices().putIndexTemplate(b -> b.name(TEMPLATE_NAME).withJson(new StringReader(template)));
        String mappings =
                JSON.readTree(template).path("template").path("mappings").toString();
        client.indices()
                .putMapping(
                        b -> b.index(INDEX_PREFIX + "*").allowNoIndices(true).withJson(new StringReader(mappings)));
        return List.of("elasticsearch index template " + TEMPLATE_NAME + ": installed for " + INDEX_PREFIX + "*"
                + ", and existing indices' mappings brought up to it");
    }
}
