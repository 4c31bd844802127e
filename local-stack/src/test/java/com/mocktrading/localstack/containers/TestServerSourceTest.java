package com.mocktrading.localstack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestServerSourceTest {

    @Test
    void runsTheServersAsProcessesUnlessAskedForContainers() {
        assertThat(TestServerSource.of(null)).isEqualTo(TestServerSource.PROCESSES);
        assertThat(TestServerSource.of("")).isEqualTo(TestServerSource.PROCESSES);
        assertThat(TestServerSource.of("processes")).isEqualTo(TestServerSource.PROCESSES);
        assertThat(TestServerSource.of(" Testcontainers ")).isEqualTo(TestServerSource.TESTCONTAINERS);
    }

    @Test
    void refusesAnUnknownSourceWithTheChoices() {
        assertThatThrownBy(() -> TestServerSource.of("docker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dmocktrading.test-servers must be 'processes' or 'testcontainers', was 'docker'");
    }
}
