package io.sluice.router.cost;

/** What a statement does, as far as the choice of engine cares. */
public enum StatementKind
{
    /** Reads only: a query, DESCRIBE QUERY, EXPLAIN. May fail over to another engine. */
    QUERY,
    /** Adds or replaces rows: INSERT [OVERWRITE], CREATE TABLE AS. */
    WRITE,
    /** Changes rows in place: DELETE, UPDATE, MERGE. */
    ROW_LEVEL_WRITE,
    /** Creates, alters or drops an object. */
    DDL;

    public boolean readOnly()
    {
        return this == QUERY;
    }
}
