package io.sluice.dialects.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Spark's recorded answers, one JSON document per line in {@code corpus/expected/<family>.jsonl}. */
public final class ExpectedAnswers
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExpectedAnswers() {}

    /** Every recorded answer by query id. */
    public static Map<String, ExpectedAnswer> load()
    {
        Map<String, ExpectedAnswer> answers = new LinkedHashMap<>();
        for (String family : Corpus.FAMILIES) {
            String text = Corpus.read("corpus/expected/" + family + ".jsonl");
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    try {
                        ExpectedAnswer answer = MAPPER.readValue(line, ExpectedAnswer.class);
                        answers.put(answer.id(), answer);
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException("Bad recorded answer in " + family + ": " + line, e);
                    }
                }
            }
        }
        return answers;
    }

    public static void write(Path file, List<ExpectedAnswer> answers)
            throws IOException
    {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ExpectedAnswer answer : answers) {
                writer.write(MAPPER.writeValueAsString(answer));
                writer.write('\n');
            }
        }
    }
}
