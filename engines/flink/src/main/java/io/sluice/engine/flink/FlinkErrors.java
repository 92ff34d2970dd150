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
        ErrorCode code = errorCode(exception, message, status);
        return new SluiceException(code, "Flink: " + message);
    }

    static ErrorCode errorCode(String exception, String message, int status)
    {
        if (exception.endsWith("SqlParserException") || exception.endsWith("ParseException")) {
            return ErrorCode.SYNTAX_ERROR;
        }
        if (exception.endsWith("ValidationException") || exception.endsWith("TableNotExistException")
                || exception.endsWith("DatabaseNotExistException") || exception.endsWith("SqlValidatorException")) {
            return ErrorCode.ANALYSIS_ERROR;
        }
        if (status == 404) {
            return ErrorCode.ENGINE_ERROR;
        }
        return ErrorCode.ENGINE_ERROR;
    }
}
