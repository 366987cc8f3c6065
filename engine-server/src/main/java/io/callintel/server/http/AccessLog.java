package io.callintel.server.http;

import io.javalin.http.Context;
import java.util.Locale;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the logger {@code io.callintel.access}: method, path (never the query, which carries
 * presigned signatures), status, bytes sent, milliseconds and the caller's organization.
 */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.callintel.access");

    private AccessLog() {}

    static void log(Context ctx, float millis) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String org = ctx.attribute(Caller.ATTRIBUTE);
        LOG.info(String.format(
                Locale.ROOT,
                "%s %s %d %dB %.1fms org=%s",
                ctx.method().name(),
                ctx.path(),
                ctx.statusCode(),
                bytesSent(ctx),
                millis,
                org == null ? "-" : org));
    }

    /** Bytes of body written so far, buffered ones included (the response may not be flushed yet). */
    private static long bytesSent(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        return request == null
                ? -1
                : request.getServletContextResponse().getHttpOutput().getWritten();
    }
}
