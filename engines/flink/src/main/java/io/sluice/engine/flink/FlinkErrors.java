package io.sluice.engine.flink;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's errors as Sluice errors. The gateway answers with server-side stack traces; the innermost
 * "Caused by" names what went wrong, so that is the message kept, attributed to Flink.
 */
final class FlinkErrors
{
    private static final Pattern CAUSE = Pattern.compile("(?m)^Caused by: ([\\w.$]+)(?:: (.*))?$");

    private static final Pattern SESSION_GONE = Pattern.compile("Flink: Session '[^']*' does not exist\\.?");

    private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("^(Object '[^']*' not found|Tables or views with the identifier '[^']*' doesn't exist)");
    private static final Pattern COLUMN_NOT_FOUND = Pattern.compile("^Column '[^']*' not found");

    private FlinkErrors() {}

    static SluiceException fromResponse(int status, JsonNode body)
    {
        StringBuilder text = new StringBuilder();
        for (JsonNode error : body.path("errors")) {
            text.append(error.asText()).append('\n');
        }
        String exception = "";
        String message = text.toString().strip();
        Matcher cause = CAUSE.matcher(text);
        while (cause.find()) {
            exception = cause.group(1);
            message = cause.group(2) == null ? cause.group(1) : cause.group(2);
        }
        if (message.isEmpty()) {
            message = "HTTP " + status;
        }
        message = message.lines().findFirst().orElse(message).strip();
        ErrorCode code = errorCode(exception, message);
        return new SluiceException(code, "Flink: " + message);
    }

    /** Whether the gateway no longer knows the session (it restarted, or closed the session after its idle timeout). */
    static boolean isSessionGone(SluiceException e)
    {
        return SESSION_GONE.matcher(String.valueOf(e.getMessage())).matches();
    }

    static ErrorCode errorCode(String exception, String message)
    {
        if (exception.endsWith("SqlParserException") || exception.endsWith("ParseException")) {
            return ErrorCode.SYNTAX_ERROR;
        }
        if (exception.endsWith("TableNotExistException") || OBJECT_NOT_FOUND.matcher(message).find()) {
            return ErrorCode.TABLE_NOT_FOUND;
        }
        if (exception.endsWith("DatabaseNotExistException")) {
            return ErrorCode.DATABASE_NOT_FOUND;
        }
        if (exception.endsWith("AlreadyExistException")) {
            return ErrorCode.ALREADY_EXISTS;
        }
        if (COLUMN_NOT_FOUND.matcher(message).find()) {
            return ErrorCode.COLUMN_NOT_FOUND;
        }
        if (exception.endsWith("ValidationException") || exception.endsWith("SqlValidatorException") || exception.endsWith("DatabaseNotEmptyException")) {
            return ErrorCode.ANALYSIS_ERROR;
        }
        return ErrorCode.ENGINE_ERROR;
    }
}
