package com.mocktrading.localstack;

/**
 * A program this machine lacks. Carries no stack trace on purpose: the message is the whole story and says
 * what to install.
 */
public final class PrerequisiteMissingException extends RuntimeException {

    public PrerequisiteMissingException(String message) {
        super(message, null, false, false);
    }
}
