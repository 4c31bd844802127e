package com.mocktrading.localstack.clickhouse;

import com.mocktrading.localstack.LocalServer;

/** A ClickHouse server as its clients reach it: a process here, or a container where Docker runs. */
public interface ClickHouseEndpoint extends LocalServer {

    /** {@code http://host:port} of its HTTP interface. */
    String httpUrl();
}
