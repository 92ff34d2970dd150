package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Sluice's access-control statements: {@code CREATE|DROP ROLE r}, {@code GRANT|REVOKE privilege[, ...] ON CATALOG c |
 * DATABASE [c.]d | [TABLE] [[c.]d.]t TO|FROM ROLE r}, {@code GRANT|REVOKE ROLE r TO|FROM USER|GROUP u},
 * {@code SHOW ROLES}, {@code SHOW GRANTS [FOR ROLE|USER|GROUP x]}, {@code CREATE ROW FILTER f ON [TABLE] t FOR ROLE r AS
 * predicate}, {@code CREATE COLUMN MASK m ON [TABLE] t COLUMN c FOR ROLE r AS expression}, {@code DROP ROW FILTER|COLUMN
 * MASK [IF EXISTS] name}, {@code SHOW ROW FILTERS}, {@code SHOW COLUMN MASKS}. A filter's or mask's expression is
 * kept as written (by parser position), in the session's dialect.
 */
public final class SqlAccessControl
        extends SqlStatement
{
    /** What the statement does. */
    public enum Verb
    {
        CREATE_ROLE, DROP_ROLE, GRANT, REVOKE, GRANT_ROLE, REVOKE_ROLE, SHOW_ROLES, SHOW_GRANTS,
        CREATE_ROW_FILTER, DROP_ROW_FILTER, SHOW_ROW_FILTERS, CREATE_COLUMN_MASK, DROP_COLUMN_MASK, SHOW_COLUMN_MASKS;

        String words()
        {
            return name().replace('_', ' ');
        }
    }

    /** What a privilege is granted on. */
    public enum ObjectType
    {
        CATALOG, DATABASE, TABLE
    }

    /** Who a role is granted to, or whose grants are shown. */
    public enum PrincipalType
    {
        USER, GROUP, ROLE
    }

    private final Verb verb;
    private final Optional<String> name;
    private final List<String> privileges;
    private final Optional<ObjectType> objectType;
    private final List<String> object;
    private final Optional<PrincipalType> principalType;
    private final Optional<String> principal;
    private final Optional<String> column;
    private final Optional<SqlParserPos> expressionPosition;
    private final boolean ifExists;

    /**
     * @param name the role, filter or mask the statement creates, drops or grants
     * @param object the name parts of the catalog, database or table
     * @param principal the user, group or role a grant goes to (for GRANT, the role)
     */
    public SqlAccessControl(SqlParserPos pos, Verb verb, String name, List<String> privileges, ObjectType objectType, List<String> object,
            PrincipalType principalType, String principal, String column, SqlParserPos expressionPosition, boolean ifExists)
    {
        super(pos, verb.words());
        this.verb = requireNonNull(verb, "verb is null");
        this.name = Optional.ofNullable(name);
        this.privileges = privileges.stream().map(privilege -> privilege.toUpperCase(Locale.ROOT)).distinct().toList();
        this.objectType = Optional.ofNullable(objectType);
        this.object = List.copyOf(object);
        this.principalType = Optional.ofNullable(principalType);
        this.principal = Optional.ofNullable(principal);
        this.column = Optional.ofNullable(column);
        this.expressionPosition = Optional.ofNullable(expressionPosition);
        this.ifExists = ifExists;
    }

    public Verb verb()
    {
        return verb;
    }

    public Optional<String> name()
    {
        return name;
    }

    /** SELECT, INSERT, UPDATE, DELETE, CREATE, DROP or ALL, upper case. */
    public List<String> privileges()
    {
        return privileges;
    }

    public Optional<ObjectType> objectType()
    {
        return objectType;
    }

    public List<String> object()
    {
        return object;
    }

    public Optional<PrincipalType> principalType()
    {
        return principalType;
    }

    public Optional<String> principal()
    {
        return principal;
    }

    /** A mask's column. */
    public Optional<String> column()
    {
        return column;
    }

    /** A filter's predicate or a mask's expression, as written in {@code sql}. */
    public Optional<String> expressionText(String sql)
    {
        return expressionPosition.map(position -> SqlManagement.textFrom(sql, position));
    }

    public boolean ifExists()
    {
        return ifExists;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword(verb.words());
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        if (!privileges.isEmpty()) {
            writer.keyword(String.join(", ", privileges));
        }
        name.ifPresent(value -> writer.identifier(value, true));
        objectType.ifPresent(type -> {
            writer.keyword("ON " + type.name());
            writer.print(String.join(".", object));
        });
        principalType.ifPresent(type -> writer.keyword((verb == Verb.REVOKE || verb == Verb.REVOKE_ROLE ? "FROM " : "TO ") + type.name()));
        principal.ifPresent(value -> writer.identifier(value, true));
    }
}
