package io.callintel.server.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Locale;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Logging goes to stderr through Logback (logback.xml in the jar; stdout carries only JSON). The engine's and
 * the libraries' java.util.logging records are routed there too, so every warning is seen in one place.
 */
final class Logging {

    private static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug", "trace");

    private Logging() {}

    /** Routes java.util.logging (the engine's own loggers, Lucene's) to SLF4J. */
    static void routeJavaUtilLogging() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /** Sets the level of the engine's own loggers and the access log. */
    static void level(String level, CommandLine command) {
        String name = level.trim().toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(name)) {
            throw new ParameterException(
                    command, "--log-level must be one of error, warn, info, debug, trace; got '" + level + "'");
        }
        if (LoggerFactory.getLogger("io.callintel") instanceof Logger logger) {
            logger.setLevel(Level.toLevel(name));
        }
    }
}
