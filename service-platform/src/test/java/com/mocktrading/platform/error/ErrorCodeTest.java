package com.mocktrading.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A status the framework produced without a code gets the contract code a client can act on. */
class ErrorCodeTest {

    @Test
    void givesTheGatewaysOwnTimeoutsAndBadGatewaysTheCodeThatSaysTheOutcomeIsUnknown() {
        assertThat(ErrorCode.forStatus(504)).isEqualTo(ErrorCode.UPSTREAM_FAILED);
        assertThat(ErrorCode.forStatus(502)).isEqualTo(ErrorCode.UPSTREAM_FAILED);
    }

    @Test
    void keepsInternalForWhatIsADefect() {
        assertThat(ErrorCode.forStatus(500)).isEqualTo(ErrorCode.INTERNAL);
        assertThat(ErrorCode.forStatus(503)).isEqualTo(ErrorCode.DEPENDENCY_UNAVAILABLE);
        assertThat(ErrorCode.forStatus(405)).isEqualTo(ErrorCode.VALIDATION_FAILED);
    }
}
