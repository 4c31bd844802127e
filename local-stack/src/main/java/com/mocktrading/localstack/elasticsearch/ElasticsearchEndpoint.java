package com.mocktrading.localstack.elasticsearch;

import com.mocktrading.localstack.LocalServer;

/** An Elasticsearch node as its clients reach it: a process here, or a container where Docker runs. */
public interface ElasticsearchEndpoint extends LocalServer {

    /** {@code http://host:port} of its REST API. */
    String httpUrl();
}
