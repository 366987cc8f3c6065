package io.callintel.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The scheme, host and port clients reach the server at, for the URLs it hands out: configured (behind a proxy or
 * load balancer), or else the address the server is bound to. Never the request's {@code Host} header: a client
 * could put any host there and have it come back in a signed upload link.
 *
 * @param bindHost  the address the server listens on; for all addresses (0.0.0.0, ::), the machine's name
 * @param boundPort the port it listens on, known once it has started
 */
record PublicUrl(Optional<String> configured, String bindHost, IntSupplier boundPort) {

    String get() {
        return configured
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElseGet(() -> "http://" + host() + ":" + boundPort.getAsInt());
    }

    private String host() {
        if (bindHost.isEmpty() || bindHost.equals("0.0.0.0") || bindHost.equals("::") || bindHost.equals("[::]")) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
        return bindHost.contains(":") && !bindHost.startsWith("[") ? "[" + bindHost + "]" : bindHost;
    }
}
