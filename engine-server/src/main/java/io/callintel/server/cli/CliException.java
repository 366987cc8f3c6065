package io.callintel.server.cli;

/** A failure that the message alone explains to the user: printed without a stack trace, exit code 1. */
final class CliException extends RuntimeException {

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
