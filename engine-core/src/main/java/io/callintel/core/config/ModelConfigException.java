package io.callintel.core.config;

/**
 * The models cannot be located, or the configuration that names them is broken. The message is
 * meant for people: it names every place that was looked at and how to point somewhere else.
 */
public final class ModelConfigException extends RuntimeException {

    public ModelConfigException(String message) {
        super(message);
    }

    public ModelConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
