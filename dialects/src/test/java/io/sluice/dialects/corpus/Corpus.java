package io.sluice.dialects.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The dialect corpus in {@code src/test/resources/corpus}: Spark SQL statements separated by a semicolon at the end
 * of a line, comments starting with {@code --}. {@code setup.sql} creates the tables; every other file is a family
 * of queries whose answers Spark recorded in {@code expected/<family>.jsonl}.
 */
public final class Corpus
{
    /** The query families, in report order. */
    public static final List<String> FAMILIES = List.of(
            "functions_datetime", "functions_string", "functions_collection", "functions_math",
            "aggregates", "windows", "joins_grouping", "syntax", "tpch", "tpcds_style");

    private Corpus() {}

    public static List<String> setupStatements()
    {
        return statements(read("corpus/setup.sql"));
    }

    public static List<CorpusQuery> queries()
    {
        List<CorpusQuery> queries = new ArrayList<>();
        for (String family : FAMILIES) {
            List<String> statements = statements(read("corpus/" + family + ".sql"));
            for (int i = 0; i < statements.size(); i++) {
                queries.add(new CorpusQuery(family, i + 1, statements.get(i)));
            }
        }
        return queries;
    }

    static List<String> statements(String script)
    {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(line, 0, line.lastIndexOf(';'));
                statements.add(current.toString().strip());
                current.setLength(0);
            }
            else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("The last statement has no terminating semicolon: " + current);
        }
        return statements;
    }

    static String read(String resource)
    {
        try (InputStream stream = Corpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalStateException("Missing corpus resource " + resource);
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
