package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Optional;

/**
 * Spark's {@code SET}, {@code SET key}, {@code SET key = value} and {@code RESET [key]}: session
 * settings, handled by the gateway. Keys and values are kept as the raw text the user wrote.
 */
public final class SqlSessionSet
        extends SqlSetOption
{
    private final String key;
    private final String value;
    private final boolean reset;

    public SqlSessionSet(SqlParserPos pos, String scope, String key, String value, boolean reset)
    {
        super(pos, scope, new SqlIdentifier(key == null ? "ALL" : key, pos),
                value == null ? null : SqlLiteral.createCharString(value, pos));
        this.key = key;
        this.value = value;
        this.reset = reset;
    }

    /** The setting's name as written, e.g. {@code spark.sql.shuffle.partitions}. */
    public Optional<String> key()
    {
        return Optional.ofNullable(key);
    }

    /** The value as written; a single quoted string loses its quotes. */
    public Optional<String> value()
    {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.length() >= 2 && (text.startsWith("'") && text.endsWith("'") || text.startsWith("\"") && text.endsWith("\""))) {
            text = text.substring(1, text.length() - 1);
        }
        return Optional.of(text);
    }

    public boolean reset()
    {
        return reset;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword(reset ? "RESET" : "SET");
        if (key != null) {
            writer.print(key);
        }
        if (value != null) {
            writer.print(" = ");
            writer.print(value);
        }
    }
}
