package io.sluice.dialects.corpus;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records Spark's answers to the dialect corpus with a real, local Spark (spark-sql 4.0.1 from Maven Central,
 * Spark's defaults, ANSI mode included; sessions in UTC). Run with the {@code record-spark-answers} profile; see
 * docs/dialects.md. The answers are test data: they change only when the corpus does.
 */
public final class RecordSparkAnswers
{
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RecordSparkAnswers() {}

    public static void main(String[] args)
            throws Exception
    {
        Path output = Path.of(args.length > 0 ? args[0] : "src/test/resources/corpus/expected");
        Path warehouse = Files.createTempDirectory("sluice-spark-warehouse");
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("sluice-corpus")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.warehouse.dir", warehouse.toString())
                .getOrCreate();
        try {
            for (String statement : Corpus.setupStatements()) {
                spark.sql(statement).collectAsList();
            }
            Map<String, List<ExpectedAnswer>> byFamily = new LinkedHashMap<>();
            for (CorpusQuery query : Corpus.queries()) {
                byFamily.computeIfAbsent(query.family(), family -> new ArrayList<>()).add(answer(spark, query));
            }
            Files.createDirectories(output);
            for (Map.Entry<String, List<ExpectedAnswer>> family : byFamily.entrySet()) {
                ExpectedAnswers.write(output.resolve(family.getKey() + ".jsonl"), family.getValue());
                long errors = family.getValue().stream().filter(answer -> answer.error() != null).count();
                System.out.printf("%s: %d answers, %d Spark errors%n", family.getKey(), family.getValue().size(), errors);
            }
        }
        finally {
            spark.stop();
        }
    }

    private static ExpectedAnswer answer(SparkSession spark, CorpusQuery query)
    {
        try {
            Dataset<Row> result = spark.sql(query.sql());
            StructType schema = result.schema();
            List<String> columns = new ArrayList<>();
            for (StructField field : schema.fields()) {
                columns.add(field.name());
            }
            List<List<String>> rows = new ArrayList<>();
            for (Row row : result.collectAsList()) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < schema.fields().length; i++) {
                    values.add(row.isNullAt(i) ? null : text(row.get(i), schema.fields()[i].dataType()));
                }
                rows.add(values);
            }
            return new ExpectedAnswer(query.id(), query.sql(), columns, rows, null);
        }
        catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            System.out.printf("Spark refused %s: %s%n", query.id(), message);
            return new ExpectedAnswer(query.id(), query.sql(), null, null, message);
        }
    }

    /** A top-level value as Spark's Thrift server writes it. */
    private static String text(Object value, DataType type)
    {
        if (type instanceof ArrayType || type instanceof MapType || type instanceof StructType) {
            StringBuilder json = new StringBuilder();
            json(json, value, type);
            return json.toString();
        }
        return scalar(value);
    }

    private static String scalar(Object value)
    {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Instant instant) {
            return timestamp(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        if (value instanceof LocalDateTime local) {
            return timestamp(local);
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().withUpperCase().formatHex(bytes);
        }
        return value.toString();
    }

    private static String timestamp(LocalDateTime value)
    {
        String text = value.format(TIMESTAMP);
        int nanos = value.getNano();
        if (nanos == 0) {
            return text;
        }
        String fraction = String.format("%09d", nanos).replaceAll("0+$", "");
        return text + "." + fraction;
    }

    private static void json(StringBuilder out, Object value, DataType type)
    {
        if (value == null) {
            out.append("null");
            return;
        }
        if (type instanceof ArrayType array) {
            out.append('[');
            boolean first = true;
            for (Object element : CollectionConverters.asJava((scala.collection.Seq<?>) value)) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                json(out, element, array.elementType());
            }
            out.append(']');
            return;
        }
        if (type instanceof MapType map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : CollectionConverters.asJava((scala.collection.Map<?, ?>) value).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, scalar(entry.getKey()));
                out.append(':');
                json(out, entry.getValue(), map.valueType());
            }
            out.append('}');
            return;
        }
        if (type instanceof StructType struct) {
            Row row = (Row) value;
            out.append('{');
            for (int i = 0; i < struct.fields().length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(out, struct.fields()[i].name());
                out.append(':');
                json(out, row.isNullAt(i) ? null : row.get(i), struct.fields()[i].dataType());
            }
            out.append('}');
            return;
        }
        if (value instanceof Number || value instanceof Boolean) {
            out.append(scalar(value));
            return;
        }
        string(out, scalar(value));
    }

    private static void string(StringBuilder out, String text)
    {
        out.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        out.append('"');
    }
}
