package com.mocktrading.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mocktrading.localstack.PrerequisiteMissingException;
import org.junit.jupiter.api.Test;

class CommandsTest {

    @Test
    void aMissingProgramIsOneLineSayingWhatToInstallWithoutAStackTrace() {
        Throwable missing = catchThrowable(() -> Commands.require("no-such-server-binary", "no-such-package"));

        assertThat(missing).isInstanceOf(PrerequisiteMissingException.class);
        assertThat(missing.getMessage())
                .startsWith("no-such-server-binary not found: install it with 'apt-get install no-such-package'")
                .doesNotContain("\n");
        assertThat(missing.getStackTrace()).isEmpty();
    }

    @Test
    void findsProgramsOnThePath() {
        assertThat(Commands.find("sh")).isPresent();
    }
}
