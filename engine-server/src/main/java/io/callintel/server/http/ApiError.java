package io.callintel.server.http;

/**
 * An error answered to the client as {@code {"error": {"code", "message", "field"}}} with its status.
 *
 * @param field the request field at fault, or null
 */
public final class ApiError extends RuntimeException {

    public static final String INVALID_TOKEN = "Invalid or expired authentication token";

    private final int status;
    private final String code;
    private final String field;

    public ApiError(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiError badRequest(String field, String message) {
        return new ApiError(400, "invalid_request", message, field);
    }

    public static ApiError notFound(String what) {
        return new ApiError(404, "not_found", what + " not found", null);
    }

    public static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", INVALID_TOKEN, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
