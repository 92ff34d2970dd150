package io.sluice.server.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON text of what the services keep in the store: job definitions and property maps. */
final class Json
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static String write(Object value)
    {
        try {
            return MAPPER.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String text, Class<T> type)
    {
        try {
            return MAPPER.readValue(text, type);
        }
        catch (JsonProcessingException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Stored JSON does not read as " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, String> readProperties(String text)
    {
        try {
            return MAPPER.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {});
        }
        catch (JsonProcessingException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Stored properties do not read: " + e.getOriginalMessage(), e);
        }
    }
}
