package io.callintel.server.http;

import java.util.Map;

/** The node's dependencies, checked when {@code /health} is asked: each one's name and "ok" or what is wrong. */
@FunctionalInterface
public interface HealthChecks {

    String OK = "ok";

    Map<String, String> run();
}
