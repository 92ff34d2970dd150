package io.sluice.router.cost;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * A routing rule from configuration, as Dremio's workload rules: for the statements of some users, groups or
 * databases, the engines allowed, the one preferred, and a ceiling on each engine's estimated cost.
 * {@code router.policy.<name>.users|groups|databases|engines|prefer|max-cost.<engine>}; an empty match list matches
 * everyone (everything).
 *
 * @param name the policy's name
 * @param users the users it applies to; empty for all
 * @param groups the groups it applies to; empty for all
 * @param databases the databases whose statements it applies to ({@code lakehouse.sales}); empty for all
 * @param engines the engines it allows; empty for all
 * @param preferred the engine chosen when it is feasible, whatever the others cost
 * @param maxCost the highest estimated seconds each engine may take on
 */
public record RoutingPolicy(String name, Set<String> users, Set<String> groups, Set<String> databases, Set<String> engines, Optional<String> preferred, Map<String, Double> maxCost)
{
    public static final String PREFIX = "router.policy.";

    private static final Set<String> KEYS = Set.of("users", "groups", "databases", "engines", "prefer");

    public RoutingPolicy
    {
        requireNonNull(name, "name is null");
        users = Set.copyOf(users);
        groups = Set.copyOf(groups);
        databases = databases.stream().map(database -> database.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        engines = Set.copyOf(engines);
        requireNonNull(preferred, "preferred is null");
        maxCost = Map.copyOf(maxCost);
    }

    /** Whether the policy applies to a statement of {@code user} in {@code groups} touching {@code statementDatabases}. */
    public boolean applies(String user, Set<String> userGroups, Set<String> statementDatabases)
    {
        return (users.isEmpty() || users.contains(user))
                && (groups.isEmpty() || userGroups.stream().anyMatch(groups::contains))
                && (databases.isEmpty() || statementDatabases.stream().map(database -> database.toLowerCase(Locale.ROOT)).anyMatch(databases::contains));
    }

    /** The policies in the settings, ordered by name; fails naming a key or value that is wrong. */
    public static List<RoutingPolicy> from(Map<String, String> settings, Set<String> knownEngines)
    {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                String rest = key.substring(PREFIX.length());
                int dot = rest.indexOf('.');
                if (dot <= 0) {
                    throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid setting %s: expected %s<name>.<key>", key, PREFIX));
                }
                byName.computeIfAbsent(rest.substring(0, dot), name -> new LinkedHashMap<>()).put(rest.substring(dot + 1), value.trim());
            }
        });
        return byName.entrySet().stream().map(entry -> policy(entry.getKey(), entry.getValue(), knownEngines)).toList();
    }

    private static RoutingPolicy policy(String name, Map<String, String> values, Set<String> knownEngines)
    {
        Map<String, Double> maxCost = new TreeMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith("max-cost.")) {
                String engine = key.substring("max-cost.".length());
                engine(name, key, engine, knownEngines);
                maxCost.put(engine, EngineProfile.seconds(PREFIX + name + ".", values, key, 0));
            }
            else if (!KEYS.contains(key)) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Unknown setting %s%s.%s: the keys are %s and max-cost.<engine>",
                        PREFIX, name, key, String.join(", ", new TreeSet<>(KEYS))));
            }
        }
        Set<String> engines = list(values.get("engines"));
        engines.forEach(engine -> engine(name, "engines", engine, knownEngines));
        Optional<String> preferred = Optional.ofNullable(values.get("prefer")).map(value -> value.toLowerCase(Locale.ROOT)).filter(value -> !value.isEmpty());
        preferred.ifPresent(engine -> engine(name, "prefer", engine, knownEngines));
        return new RoutingPolicy(name, list(values.get("users")), list(values.get("groups")), list(values.get("databases")), engines, preferred, maxCost);
    }

    private static void engine(String policy, String key, String engine, Set<String> knownEngines)
    {
        if (!knownEngines.contains(engine)) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid setting %s%s.%s: engine '%s' is not one of %s",
                    PREFIX, policy, key, engine, String.join(", ", new TreeSet<>(knownEngines))));
        }
    }

    private static Set<String> list(String value)
    {
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
