package com.mocktrading.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {

    @Test
    void readsNameValuePairs() {
        assertThat(JobArguments.parse(new String[] {"--kafka", "h:9092", "--parallelism", "2"}))
                .isEqualTo(Map.of("kafka", "h:9092", "parallelism", "2"));
    }

    @Test
    void refusesWhatIsNotAPair() {
        assertThatThrownBy(() -> JobArguments.parse(new String[] {"--kafka"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobArguments.parse(new String[] {"kafka", "h:9092"}))
                .hasMessageContaining("kafka");
    }
}
