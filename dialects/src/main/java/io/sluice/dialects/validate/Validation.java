package io.sluice.dialects.validate;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A validated statement and the types its validator derived for its expressions. */
public final class Validation
{
    private final SqlNode statement;
    private final SqlValidator validator;
    private final String source;

    Validation(SqlNode statement, SqlValidator validator)
    {
        this(statement, validator, null);
    }

    private Validation(SqlNode statement, SqlValidator validator, String source)
    {
        this.statement = requireNonNull(statement, "statement is null");
        this.validator = validator;
        this.source = source;
    }

    /** The same validation, knowing the statement's text: result columns of expressions are named after it. */
    public Validation withSource(String sql)
    {
        return new Validation(statement, validator, requireNonNull(sql, "sql is null"));
    }

    /** The statement's text as the user wrote it, if known. */
    public Optional<String> source()
    {
        return Optional.ofNullable(source);
    }

    /** A statement that needs no validation (session commands, DDL without a query). */
    public static Validation unvalidated(SqlNode statement)
    {
        return new Validation(statement, null);
    }

    /** The statement as validated; the validator may have made implicit casts and aliases explicit. */
    public SqlNode statement()
    {
        return statement;
    }

    /** Whether the table name resolved to a session's temporary view, which some engines must not qualify. */
    public boolean isTemporaryTable(List<String> names)
    {
        if (validator == null) {
            return false;
        }
        try {
            return CatalogSchema.isTemporary(validator, names);
        }
        catch (RuntimeException e) {
            return false;
        }
    }

    /** The query the engine reads the table {@code names} resolved to with, if it reads it through one (see {@link CatalogView#scan}). */
    public Optional<String> tableScan(List<String> names)
    {
        if (validator == null) {
            return Optional.empty();
        }
        return CatalogSchema.scan(validator, names);
    }

    /** The query the engine reads the table with as of a version or a point in time, if it reads it through one. */
    public Optional<String> tableScan(List<String> names, TimeTravel asOf)
    {
        if (validator == null) {
            return Optional.empty();
        }
        return CatalogSchema.scan(validator, names, asOf);
    }

    /**
     * The name the engine gives the table that {@code names} resolved to: lookups ignore case, as Spark's do, and
     * engines whose names are case-sensitive (Flink) need the name as their catalog spells it.
     */
    public Optional<String> engineTableName(List<String> names)
    {
        if (validator == null) {
            return Optional.empty();
        }
        try {
            return CatalogSchema.engineName(validator, names);
        }
        catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The type of an expression of the validated statement, if the validator derived one. */
    public Optional<RelDataType> typeOf(SqlNode node)
    {
        if (validator == null || node == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(validator.getValidatedNodeTypeIfKnown(node));
        }
        catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    SqlValidator validatorOrNull()
    {
        return validator;
    }

    /** The row type of the validated query, if the statement is one. */
    public Optional<RelDataType> rowType()
    {
        return typeOf(statement);
    }
}
