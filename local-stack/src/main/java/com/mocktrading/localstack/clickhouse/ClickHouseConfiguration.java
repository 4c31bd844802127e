package com.mocktrading.localstack.clickhouse;

import java.nio.file.Path;

/**
 * The server and user configuration files. The {@code <yandex>} root is what 18.16 reads; current servers
 * still accept it. No interserver port: a single node does not replicate.
 */
final class ClickHouseConfiguration {

    private ClickHouseConfiguration() {}

    static String server(Path directory, int httpPort, int tcpPort) {
        String dir = directory.toAbsolutePath().toString();
        return """
                <?xml version="1.0"?>
                <yandex>
                  <logger>
                    <level>warning</level>
                    <log>%1$s/logs/server.log</log>
                    <errorlog>%1$s/logs/server.err.log</errorlog>
                    <size>50M</size>
                    <count>2</count>
                  </logger>
                  <listen_host>127.0.0.1</listen_host>
                  <http_port>%2$d</http_port>
                  <tcp_port>%3$d</tcp_port>
                  <path>%1$s/data/</path>
                  <tmp_path>%1$s/tmp/</tmp_path>
                  <user_files_path>%1$s/user_files/</user_files_path>
                  <format_schema_path>%1$s/format_schemas/</format_schema_path>
                  <users_config>users.xml</users_config>
                  <default_profile>default</default_profile>
                  <default_database>default</default_database>
                  <timezone>UTC</timezone>
                  <mark_cache_size>268435456</mark_cache_size>
                  <max_concurrent_queries>100</max_concurrent_queries>
                </yandex>
                """
                .formatted(dir, httpPort, tcpPort);
    }

    static String users() {
        return """
                <?xml version="1.0"?>
                <yandex>
                  <profiles>
                    <default>
                      <max_memory_usage>2000000000</max_memory_usage>
                    </default>
                  </profiles>
                  <users>
                    <default>
                      <password></password>
                      <networks>
                        <ip>127.0.0.1</ip>
                        <ip>::1</ip>
                      </networks>
                      <profile>default</profile>
                      <quota>default</quota>
                    </default>
                  </users>
                  <quotas>
                    <default>
                      <interval>
                        <duration>3600</duration>
                        <queries>0</queries>
                        <errors>0</errors>
                        <result_rows>0</result_rows>
                        <read_rows>0</read_rows>
                        <execution_time>0</execution_time>
                      </interval>
                    </default>
                  </quotas>
                </yandex>
                """;
    }
}
