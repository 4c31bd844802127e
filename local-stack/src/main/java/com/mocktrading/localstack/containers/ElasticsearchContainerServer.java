package com.mocktrading.localstack.containers;

import com.mocktrading.localstack.StackVersions;
import com.mocktrading.localstack.elasticsearch.ElasticsearchEndpoint;
import org.testcontainers.elasticsearch.ElasticsearchContainer;

/** Elastic's own image, one node, security off and a small heap, as the tests' Elasticsearch process runs. */
public final class ElasticsearchContainerServer extends ContainerServer<ElasticsearchContainer>
        implements ElasticsearchEndpoint {

    private static final String IMAGE = StackVersions.serverImage("elasticsearch");

    public ElasticsearchContainerServer() {
        super(
                "elasticsearch",
                IMAGE,
                new ElasticsearchContainer(IMAGE)
                        .withEnv("xpack.security.enabled", "false")
                        .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
                        .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m"));
    }

    @Override
    public String httpUrl() {
        return "http://" + container.getHttpHostAddress();
    }
}
