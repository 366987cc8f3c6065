package io.callintel.server.http;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * The scheme, host and port clients reach the server at, for the URLs it hands out: configured
 * (behind a proxy or load balancer), or else taken from the request.
 */
record PublicUrl(Optional<String> configured) {

    String of(Context ctx) {
        return configured
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElseGet(() -> ctx.scheme() + "://" + ctx.host());
    }
}
