package io.sluice.server.jobs;

import java.util.List;
import java.util.Map;

/**
 * What a job runs, kept as JSON in the store: a statement (with the session settings it runs in) or a Spark
 * application (main class, jar, arguments, settings).
 *
 * @param settings the session settings the statement runs with: {@code sluice.dialect}, {@code use:database}
 */
public record JobDefinition(String statement, Map<String, String> settings, String mainClass, String jar, List<String> arguments, Map<String, String> conf)
{
    public static final String STATEMENT = "STATEMENT";
    public static final String APPLICATION = "APPLICATION";

    public JobDefinition
    {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        conf = conf == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(conf));
    }

    public static JobDefinition statement(String statement, Map<String, String> settings)
    {
        return new JobDefinition(statement, settings, null, null, List.of(), Map.of());
    }

    public static JobDefinition application(String mainClass, String jar, List<String> arguments, Map<String, String> conf)
    {
        return new JobDefinition(null, Map.of(), mainClass, jar, arguments, conf);
    }

    public String kind()
    {
        return statement != null ? STATEMENT : APPLICATION;
    }
}
