package io.sluice.server.rest;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.eclipse.jetty.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** The one mapping of Sluice errors to REST problem documents (RFC 9457). */
public final class Problems
{
    private Problems() {}

    public static int status(ErrorCode code)
    {
        return switch (code) {
            // A table or database missing from a statement is a bad request, not a missing REST resource.
            case INVALID_SESSION_HANDLE, INVALID_OPERATION_HANDLE, ENGINE_NOT_FOUND, OBJECT_NOT_FOUND -> HttpStatus.NOT_FOUND_404;
            case PERMISSION_DENIED -> HttpStatus.FORBIDDEN_403;
            case ALREADY_EXISTS -> HttpStatus.CONFLICT_409;
            case AUTHENTICATION_FAILED -> HttpStatus.UNAUTHORIZED_401;
            case MESSAGE_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE_413;
            default -> switch (code.type()) {
                case USER_ERROR -> HttpStatus.BAD_REQUEST_400;
                case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR_500;
                case INSUFFICIENT_RESOURCES -> HttpStatus.SERVICE_UNAVAILABLE_503;
                case EXTERNAL -> HttpStatus.BAD_GATEWAY_502;
            };
        };
    }

    public static Map<String, Object> problem(SluiceException exception)
    {
        ErrorCode code = exception.errorCode();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://sluice.io/errors/" + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        problem.put("title", code.name());
        problem.put("status", status(code));
        problem.put("detail", exception.getMessage());
        problem.put("code", code.code());
        problem.put("errorType", code.type().name());
        problem.put("sqlState", code.sqlState());
        return problem;
    }
}
