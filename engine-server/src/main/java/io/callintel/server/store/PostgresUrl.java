package io.callintel.server.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A PostgreSQL URL as operators write it ({@code postgresql://user:password@host:port/database?options}), for JDBC. */
final class PostgresUrl {

    private PostgresUrl() {}

    /** The JDBC URL, user and password moved into its query; a {@code jdbc:postgresql:} URL is taken as it is. */
    static String jdbc(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return url;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url, e.getReason());
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw invalid(url, "it must start with postgresql://");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw invalid(url, "it needs a host and a database, as in postgresql://host:5432/callintel");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath());
        StringBuilder query = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        if (uri.getRawUserInfo() != null) {
            String[] credentials = uri.getRawUserInfo().split(":", 2);
            append(query, "user", decode(credentials[0]));
            if (credentials.length == 2) {
                append(query, "password", decode(credentials[1]));
            }
        }
        return query.isEmpty() ? jdbc.toString() : jdbc + "?" + query;
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The URL with its password masked, to be shown in messages. */
    static String shown(String url) {
        return url.replaceAll("//([^:@/]*):[^@/]*@", "//$1:***@").replaceAll("password=[^&]*", "password=***");
    }

    private static IllegalArgumentException invalid(String url, String why) {
        return new IllegalArgumentException("Invalid database URL " + shown(url) + ": " + why);
    }
}
