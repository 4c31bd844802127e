package com.mocktrading.localrun;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The local Prometheus's configuration: one scrape job per service (and the Flink cluster), the alert rules. */
final class ScrapeConfiguration {

    private ScrapeConfiguration() {}

    /** @param targets each job's metrics URLs; a job's URLs share their path */
    static String of(Map<String, List<String>> targets, Path rules) {
        StringBuilder yaml = new StringBuilder()
                .append("global:\n")
                .append("  scrape_interval: 5s\n")
                .append("  evaluation_interval: 5s\n")
                .append("rule_files:\n")
                .append("  - '")
                .append(rules)
                .append("'\n")
                .append("scrape_configs:\n");
        new TreeMap<>(targets).forEach((job, urls) -> {
            URI first = URI.create(urls.get(0));
            yaml.append("  - job_name: '").append(job).append("'\n");
            yaml.append("    metrics_path: '").append(first.getPath()).append("'\n");
            yaml.append("    static_configs:\n");
            yaml.append("      - targets:\n");
            for (String url : urls) {
                URI target = URI.create(url);
                yaml.append("          - '")
                        .append(target.getHost())
                        .append(':')
                        .append(target.getPort())
                        .append("'\n");
            }
        });
        return yaml.toString();
    }
}
