package io.callintel.server.http;

import io.callintel.server.service.RecordingIntake;

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

    /** An upload the intake refused, as the API answers it. */
    public static ApiError of(RecordingIntake.Refused refused) {
        return switch (refused.reason()) {
            case NOT_FOUND -> notFound("Recording");
            case ALREADY_UPLOADED, IN_PROGRESS -> new ApiError(409, "conflict", refused.getMessage(), refused.field());
            case SIZE_MISMATCH, INTERRUPTED -> badRequest(refused.field(), refused.getMessage());
            case TOO_LARGE -> new ApiError(413, "payload_too_large", refused.getMessage(), refused.field());
            case NOT_AUDIO -> new ApiError(415, "unsupported_media_type", refused.getMessage(), refused.field());
        };
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
