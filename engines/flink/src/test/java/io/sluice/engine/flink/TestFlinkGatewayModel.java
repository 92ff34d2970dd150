package io.sluice.engine.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.type.SluiceType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway's JSON as Sluice reads it: logical types, values, errors, settings, runtime modes. */
class TestFlinkGatewayModel
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void logicalTypes()
            throws Exception
    {
        assertThat(FlinkTypes.toSluiceType(json("{\"type\":\"DECIMAL\",\"precision\":38,\"scale\":4}"))).isEqualTo(SluiceType.decimal(38, 4));
        assertThat(FlinkTypes.toSluiceType(json("{\"type\":\"VARCHAR\",\"length\":2147483647}"))).isEqualTo(SluiceType.STRING);
        assertThat(FlinkTypes.toSluiceType(json("{\"type\":\"VARCHAR\",\"length\":10}"))).isEqualTo(SluiceType.varchar(10));
        assertThat(FlinkTypes.toSluiceType(json("{\"type\":\"TIMESTAMP_WITHOUT_TIME_ZONE\",\"precision\":3}"))).isEqualTo(SluiceType.TIMESTAMP);
        assertThat(FlinkTypes.toSluiceType(json("{\"type\":\"ARRAY\",\"elementType\":{\"type\":\"INTEGER\"}}"))).isEqualTo(SluiceType.array(SluiceType.INTEGER));
        assertThat(FlinkTypes.toSluiceType(json("{\"type\":\"ROW\",\"fields\":[{\"name\":\"a\",\"fieldType\":{\"type\":\"BIGINT\"}}]}")))
                .isEqualTo(SluiceType.struct(List.of("a"), List.of(SluiceType.BIGINT)));
    }

    @Test
    void describedTypes()
    {
        assertThat(FlinkMetadata.parseType("DECIMAL(10, 2) NOT NULL")).isEqualTo(SluiceType.decimal(10, 2));
        assertThat(FlinkMetadata.parseType("VARCHAR(2147483647)")).isEqualTo(SluiceType.STRING);
        assertThat(FlinkMetadata.parseType("TIMESTAMP(3) WITH LOCAL TIME ZONE")).isEqualTo(SluiceType.TIMESTAMP_WITH_TIME_ZONE);
        assertThat(FlinkMetadata.parseType("TIMESTAMP(3) *ROWTIME*")).isEqualTo(SluiceType.TIMESTAMP);
        assertThat(FlinkMetadata.parseType("ARRAY<INT>")).isEqualTo(SluiceType.array(SluiceType.INTEGER));
        assertThat(FlinkMetadata.parseType("MAP<VARCHAR(2147483647), ARRAY<DECIMAL(5, 1)>>"))
                .isEqualTo(SluiceType.map(SluiceType.STRING, SluiceType.array(SluiceType.decimal(5, 1))));
        assertThat(FlinkMetadata.parseType("ROW<`x` INT, `odd, name` MAP<STRING, INT>, `c` BIGINT 'a comment'> NOT NULL"))
                .isEqualTo(SluiceType.struct(List.of("x", "odd, name", "c"),
                        List.of(SluiceType.INTEGER, SluiceType.map(SluiceType.STRING, SluiceType.INTEGER), SluiceType.BIGINT)));
    }

    @Test
    void values()
            throws Exception
    {
        assertThat(FlinkTypes.toValue(json("2.50"), SluiceType.decimal(5, 2))).isEqualTo(new BigDecimal("2.50"));
        assertThat(FlinkTypes.toValue(json("\"2024-02-29\""), SluiceType.DATE)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(FlinkTypes.toValue(json("\"2024-02-29T23:59:59.123\""), SluiceType.TIMESTAMP)).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_000_000));
        assertThat(FlinkTypes.toValue(json("[1,null]"), SluiceType.array(SluiceType.INTEGER))).isEqualTo("[1,null]");
        assertThat(FlinkTypes.toValue(json("null"), SluiceType.INTEGER)).isNull();
    }

    @Test
    void errorsKeepTheInnermostCause()
            throws Exception
    {
        JsonNode body = json("{\"errors\":[\"Internal server error.\",\"<Exception on server side:\\norg.apache.flink.table.gateway.api.utils.SqlGatewayException: x\\n"
                + "\\tat a.b(C.java:1)\\nCaused by: org.apache.flink.table.api.ValidationException: Object 'nope' not found\\n\\tat d.e(F.java:2)\\n>\"]}");
        SluiceException error = FlinkErrors.fromResponse(500, body);
        assertThat(error.errorCode()).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
        assertThat(error).hasMessage("Flink: Object 'nope' not found");
        body = json("{\"errors\":[\"Internal server error.\",\"<Exception on server side:\\nCaused by: org.apache.flink.table.api.ValidationException: "
                + "Tables or views with the identifier 'sluice.db.Nope' doesn't exist.\\n>\"]}");
        assertThat(FlinkErrors.fromResponse(500, body).errorCode()).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
    }

    @Test
    void runtimeModes()
    {
        assertThat(FlinkStatement.executionConfig("SELECT a FROM t")).isEqualTo(Map.of("execution.runtime-mode", "batch"));
        // Batch first, also with a LIMIT: only a query over an unbounded source runs in streaming mode (after batch refused it).
        assertThat(FlinkStatement.executionConfig("SELECT a FROM t LIMIT 10")).isEqualTo(Map.of("execution.runtime-mode", "batch"));
        assertThat(FlinkStatement.fallback("SELECT a FROM t LIMIT 10", FlinkStatement.BATCH)).contains(FlinkStatement.STREAMING);
        assertThat(FlinkStatement.fallback("SELECT `t`.`a`\nFROM `t`\nFETCH NEXT 5 ROWS ONLY", FlinkStatement.BATCH)).contains(FlinkStatement.STREAMING);
        assertThat(FlinkStatement.fallback("SELECT a FROM t", FlinkStatement.BATCH)).isEmpty();
        assertThat(FlinkStatement.fallback("INSERT INTO s SELECT * FROM t", FlinkStatement.SYNCHRONOUS_BATCH)).contains(FlinkStatement.STREAMING);
        assertThat(FlinkStatement.executionConfig("INSERT INTO s SELECT * FROM t")).isEqualTo(FlinkStatement.SYNCHRONOUS_BATCH);
        assertThat(FlinkStatement.executionConfig("CREATE TABLE x AS SELECT 1 AS a")).isEqualTo(FlinkStatement.SYNCHRONOUS_BATCH);
        assertThat(FlinkStatement.executionConfig("CREATE TABLE x WITH ('format' = 'csv') AS\n(SELECT 1 AS a)")).isEqualTo(FlinkStatement.SYNCHRONOUS_BATCH);
        assertThat(FlinkStatement.executionConfig("CREATE TABLE x (a INT)")).isEmpty();
    }

    @Test
    void settings()
    {
        FlinkConfig defaults = FlinkConfig.from(Map.of());
        assertThat(defaults.endpoint().toString()).isEqualTo("http://127.0.0.1:8083");
        assertThat(defaults.requestTimeout().toSeconds()).isEqualTo(30);
        assertThat(FlinkConfig.from(Map.of("endpoint", "http://flink:9000/", "request-timeout", "500ms")).requestTimeout().toMillis()).isEqualTo(500);
        assertThatThrownBy(() -> FlinkConfig.from(Map.of("endpoint", "flink")))
                .hasMessageContaining("Invalid engine.flink.endpoint 'flink'");
        assertThatThrownBy(() -> FlinkConfig.from(Map.of("request-timeout", "soon")))
                .hasMessageContaining("Invalid engine.flink.request-timeout 'soon'");
    }

    private static JsonNode json(String text)
            throws Exception
    {
        return JSON.readTree(text);
    }
}
