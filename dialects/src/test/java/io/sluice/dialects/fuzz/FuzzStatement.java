package io.sluice.dialects.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A generated statement: a shape and the expressions standing in it. A batched shape ({@link Shape#batched()}) holds
 * several independent expressions, one result column each, each a case of its own; the others are one case.
 */
public record FuzzStatement(Shape shape, List<Node> items)
{
    /** Where generated expressions stand in a statement. */
    public enum Shape
    {
        PROJECTION("SELECT id, {items} FROM fz", 1, true),
        GROUPED_AGGREGATE("SELECT g, {items} FROM fz GROUP BY g", 1, true),
        GLOBAL_AGGREGATE("SELECT {items} FROM fz", 0, true),
        WINDOW("SELECT id, {items} FROM fz", 1, true),
        FILTER("SELECT id FROM fz WHERE {0}", 1, false),
        HAVING("SELECT g, count(*) FROM fz GROUP BY g HAVING {0}", 1, false),
        INNER_JOIN("SELECT a.id, b.id FROM fz a JOIN fz2 b ON {0}", 2, false),
        LEFT_JOIN("SELECT a.id, b.id FROM fz a LEFT JOIN fz2 b ON {0}", 2, false),
        RIGHT_JOIN("SELECT a.id, b.id FROM fz a RIGHT JOIN fz2 b ON {0}", 2, false),
        FULL_JOIN("SELECT a.id, b.id FROM fz a FULL OUTER JOIN fz2 b ON {0}", 2, false),
        SEMI_JOIN("SELECT a.id FROM fz a LEFT SEMI JOIN fz2 b ON {0}", 1, false),
        ANTI_JOIN("SELECT a.id FROM fz a LEFT ANTI JOIN fz2 b ON {0}", 1, false),
        UNION("SELECT {0} FROM fz UNION SELECT {1} FROM fz2", 1, false),
        UNION_ALL("SELECT {0} FROM fz UNION ALL SELECT {1} FROM fz2", 1, false),
        INTERSECT("SELECT {0} FROM fz INTERSECT SELECT {1} FROM fz2", 1, false),
        EXCEPT("SELECT {0} FROM fz EXCEPT SELECT {1} FROM fz2", 1, false),
        IN_SUBQUERY("SELECT id FROM fz WHERE {0} IN (SELECT {1} FROM fz2)", 1, false),
        NOT_IN_SUBQUERY("SELECT id FROM fz WHERE {0} NOT IN (SELECT {1} FROM fz2)", 1, false),
        EXISTS("SELECT id FROM fz WHERE EXISTS (SELECT 1 FROM fz2 WHERE fz2.g = fz.g AND {0})", 1, false),
        NOT_EXISTS("SELECT id FROM fz WHERE NOT EXISTS (SELECT 1 FROM fz2 WHERE fz2.i = fz.i AND {0})", 1, false),
        SCALAR_SUBQUERY("SELECT id, (SELECT max({0}) FROM fz2 WHERE fz2.g = fz.g) FROM fz", 1, false),
        LATERAL_VIEW("SELECT id, x FROM fz LATERAL VIEW explode({0}) v AS x", 2, false),
        LATERAL_VIEW_OUTER("SELECT id, x FROM fz LATERAL VIEW OUTER explode({0}) v AS x", 2, false),
        LATERAL_VIEW_POSEXPLODE("SELECT id, p, x FROM fz LATERAL VIEW posexplode({0}) v AS p, x", 3, false),
        GENERATOR_IN_SELECT("SELECT id, explode({0}) AS x FROM fz", 2, false),
        DERIVED_TABLE("SELECT k, count(*) FROM (SELECT {0} AS k FROM fz) q GROUP BY k", 2, false);

        private final String template;
        private final int keyColumns;
        private final boolean batched;

        Shape(String template, int keyColumns, boolean batched)
        {
            this.template = template;
            this.keyColumns = keyColumns;
            this.batched = batched;
        }

        /** Columns that identify a row of a batched shape's answer, before the items' columns. */
        public int keyColumns()
        {
            return keyColumns;
        }

        public boolean batched()
        {
            return batched;
        }
    }

    public FuzzStatement
    {
        requireNonNull(shape, "shape is null");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("A statement needs at least one expression");
        }
    }

    public String sql()
    {
        if (shape.batched()) {
            return shape.template.replace("{items}", items.stream().map(Node::sql).collect(Collectors.joining(", ")));
        }
        String sql = shape.template;
        for (int i = 0; i < items.size(); i++) {
            sql = sql.replace("{" + i + "}", items.get(i).sql());
        }
        return sql;
    }

    /** How many cases the statement stands for. */
    public int cases()
    {
        return shape.batched() ? items.size() : 1;
    }

    /** The batched statement of the one item, a case of its own. */
    public FuzzStatement only(int item)
    {
        return new FuzzStatement(shape, List.of(items.get(item)));
    }

    public FuzzStatement withItem(int index, Node item)
    {
        List<Node> changed = new ArrayList<>(items);
        changed.set(index, item);
        return new FuzzStatement(shape, changed);
    }

    public int size()
    {
        return items.stream().mapToInt(Node::size).sum();
    }
}
