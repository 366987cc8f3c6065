package io.callintel.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The supervisors' web app: static files from the jar ({@code /web}), plain ES modules with no build step, using
 * only the public API. {@code /} is the page (revalidated on every load, so a new release shows at once); its
 * assets under {@code /assets/} are cached for an hour.
 */
final class WebApp {

    static final String ASSETS = "/assets/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private WebApp() {}

    static void page(Context ctx) throws IOException {
        serve(ctx, "index.html", "no-cache");
    }

    static void asset(Context ctx) throws IOException {
        String name = ctx.pathParam("file");
        if (!name.matches("[a-z0-9-]+\\.(js|css|svg)")) {
            throw ApiError.notFound("Asset");
        }
        serve(ctx, name, "max-age=3600");
    }

    private static void serve(Context ctx, String name, String caching) throws IOException {
        try (InputStream file = WebApp.class.getResourceAsStream("/web/" + name)) {
            if (file == null) {
                throw ApiError.notFound("Asset");
            }
            ctx.contentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)))
                    .header("Cache-Control", caching)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
                    .result(file.readAllBytes());
        }
    }
}
