package io.sluice.dialects.fuzz;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A generated expression: a leaf (a column or a literal) or a call of a template over other expressions. */
public sealed interface Node
        permits Node.Leaf, Node.Call
{
    FuzzType type();

    /** The expression in Spark SQL. */
    String sql();

    /** How many nodes the expression has; the shrinker keeps the smallest. */
    int size();

    /** A column or a literal, written as it stands. */
    record Leaf(FuzzType type, String sql)
            implements Node
    {
        public Leaf
        {
            requireNonNull(type, "type is null");
            requireNonNull(sql, "sql is null");
        }

        @Override
        public int size()
        {
            return 1;
        }
    }

    /**
     * A template such as {@code substr({0}, {1})} whose placeholders are the arguments' SQL; {@code name} is the function
     * (or operator) it exercises, for the coverage report.
     */
    record Call(FuzzType type, String name, String template, List<Node> arguments)
            implements Node
    {
        public Call
        {
            requireNonNull(type, "type is null");
            requireNonNull(name, "name is null");
            requireNonNull(template, "template is null");
            arguments = List.copyOf(arguments);
        }

        @Override
        public String sql()
        {
            String sql = template;
            for (int i = 0; i < arguments.size(); i++) {
                sql = sql.replace("{" + i + "}", arguments.get(i).sql());
            }
            return sql;
        }

        @Override
        public int size()
        {
            return 1 + arguments.stream().mapToInt(Node::size).sum();
        }

        /** The same call with argument {@code index} replaced. */
        public Call withArgument(int index, Node argument)
        {
            List<Node> changed = new ArrayList<>(arguments);
            changed.set(index, argument);
            return new Call(type, name, template, changed);
        }
    }
}
