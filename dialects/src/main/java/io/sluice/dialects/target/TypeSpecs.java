package io.sluice.dialects.target;

import io.sluice.dialects.Dialect;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.type.SluiceType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlMapTypeNameSpec;
import org.apache.calcite.sql.SqlRowTypeNameSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static java.lang.String.format;

/**
 * Type names between dialects. A type written in the input dialect becomes a {@link SluiceType} (its meaning);
 * that becomes Calcite's spelling for validation and each engine's spelling for execution.
 */
public final class TypeSpecs
{
    private TypeSpecs() {}

    /** The meaning of a type as written in an input dialect, e.g. Spark's {@code FLOAT} is 4 bytes. */
    public static SluiceType toSluiceType(SqlDataTypeSpec spec, Dialect input)
    {
        return toSluiceType(spec.getTypeNameSpec(), input);
    }

    private static SluiceType toSluiceType(SqlTypeNameSpec spec, Dialect input)
    {
        if (spec instanceof SqlCollectionTypeNameSpec collection) {
            if (!collection.getTypeName().getSimple().equalsIgnoreCase("ARRAY")) {
                throw unsupportedType(spec.getTypeName().getSimple());
            }
            return SluiceType.array(toSluiceType(collection.getElementTypeName(), input));
        }
        if (spec instanceof SqlMapTypeNameSpec map) {
            return SluiceType.map(toSluiceType(map.getKeyType(), input), toSluiceType(map.getValType(), input));
        }
        if (spec instanceof SqlRowTypeNameSpec row) {
            List<String> names = row.getFieldNames().stream().map(SqlIdentifier::getSimple).toList();
            List<SluiceType> types = row.getFieldTypes().stream().map(field -> toSluiceType(field, input)).toList();
            return SluiceType.struct(names, types);
        }
        if (spec instanceof SqlBasicTypeNameSpec basic) {
            SqlTypeName name = SqlTypeName.get(basic.getTypeName().getSimple());
            if (name == null) {
                throw unsupportedType(basic.getTypeName().getSimple());
            }
            int precision = basic.getPrecision();
            return switch (name) {
                case BOOLEAN -> SluiceType.BOOLEAN;
                case TINYINT -> SluiceType.TINYINT;
                case SMALLINT -> SluiceType.SMALLINT;
                case INTEGER -> SluiceType.INTEGER;
                case BIGINT -> SluiceType.BIGINT;
                // FLOAT is 4 bytes in every engine Sluice reads for, unlike standard SQL.
                case FLOAT, REAL -> SluiceType.FLOAT;
                case DOUBLE -> SluiceType.DOUBLE;
                case DECIMAL -> SluiceType.decimal(precision < 0 ? 10 : precision, Math.max(basic.getScale(), 0));
                case CHAR -> precision < 0 ? SluiceType.STRING : SluiceType.character(precision);
                case VARCHAR -> precision < 0 ? SluiceType.STRING : SluiceType.varchar(precision);
                case BINARY, VARBINARY -> SluiceType.BINARY;
                case DATE -> SluiceType.DATE;
                case TIME -> SluiceType.TIME;
                // Spark's TIMESTAMP is a point in time shown in the session's zone; Sluice's sessions use UTC,
                // so it reads the same as a timestamp without a zone.
                case TIMESTAMP -> SluiceType.TIMESTAMP;
                case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> SluiceType.TIMESTAMP_WITH_TIME_ZONE;
                default -> throw unsupportedType(name.getName());
            };
        }
        if (spec instanceof SqlUserDefinedTypeNameSpec) {
            String name = spec.getTypeName().getSimple().toUpperCase(Locale.ROOT);
            return switch (name) {
                case "STRING", "TEXT" -> SluiceType.STRING;
                case "LONG", "INT64", "INT8" -> SluiceType.BIGINT;
                case "INT", "INT32", "INT4", "SIGNED" -> SluiceType.INTEGER;
                case "SHORT", "INT16", "INT2" -> SluiceType.SMALLINT;
                case "BYTE", "INT1" -> SluiceType.TINYINT;
                case "BYTES", "BLOB", "BYTEA" -> SluiceType.BINARY;
                case "FLOAT4" -> SluiceType.FLOAT;
                case "FLOAT8" -> SluiceType.DOUBLE;
                case "BOOL" -> SluiceType.BOOLEAN;
                case "TIMESTAMP_NTZ", "DATETIME" -> SluiceType.TIMESTAMP;
                case "TIMESTAMP_LTZ", "TIMESTAMPTZ" -> SluiceType.TIMESTAMP_WITH_TIME_ZONE;
                default -> throw unsupportedType(name);
            };
        }
        throw unsupportedType(spec.getTypeName().toString());
    }

    /** Calcite's spelling of a type, for validation. */
    public static SqlDataTypeSpec toCalcite(SluiceType type, SqlParserPos pos)
    {
        return new SqlDataTypeSpec(toCalciteName(type, pos), pos);
    }

    private static SqlTypeNameSpec toCalciteName(SluiceType type, SqlParserPos pos)
    {
        return switch (type.kind()) {
            case BOOLEAN -> new SqlBasicTypeNameSpec(SqlTypeName.BOOLEAN, pos);
            case TINYINT -> new SqlBasicTypeNameSpec(SqlTypeName.TINYINT, pos);
            case SMALLINT -> new SqlBasicTypeNameSpec(SqlTypeName.SMALLINT, pos);
            case INTEGER -> new SqlBasicTypeNameSpec(SqlTypeName.INTEGER, pos);
            case BIGINT -> new SqlBasicTypeNameSpec(SqlTypeName.BIGINT, pos);
            case FLOAT -> new SqlBasicTypeNameSpec(SqlTypeName.REAL, pos);
            case DOUBLE -> new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, pos);
            case DECIMAL -> new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, type.precision(), type.scale(), pos);
            case CHAR -> new SqlBasicTypeNameSpec(SqlTypeName.CHAR, type.precision(), pos);
            case VARCHAR -> new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, type.precision(), pos);
            case STRING -> new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos);
            case BINARY -> new SqlBasicTypeNameSpec(SqlTypeName.VARBINARY, pos);
            case DATE -> new SqlBasicTypeNameSpec(SqlTypeName.DATE, pos);
            case TIME -> new SqlBasicTypeNameSpec(SqlTypeName.TIME, pos);
            case TIMESTAMP -> new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, 6, pos);
            case TIMESTAMP_WITH_TIME_ZONE -> new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6, pos);
            case ARRAY -> new SqlCollectionTypeNameSpec(toCalciteName(type.parameters().get(0), pos), SqlTypeName.ARRAY, pos);
            case MAP -> new SqlMapTypeNameSpec(toCalcite(type.parameters().get(0), pos), toCalcite(type.parameters().get(1), pos), pos);
            case STRUCT -> {
                List<SqlIdentifier> names = new ArrayList<>();
                List<SqlDataTypeSpec> types = new ArrayList<>();
                for (int i = 0; i < type.parameters().size(); i++) {
                    names.add(new SqlIdentifier(type.fieldNames().get(i), pos));
                    types.add(toCalcite(type.parameters().get(i), pos));
                }
                yield new SqlRowTypeNameSpec(pos, names, types);
            }
            case INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME, INTERVAL, NULL -> throw unsupportedType(type.displayName());
        };
    }

    /** The engine's spelling of a type; fails naming the type where the engine has none. */
    public static String render(SluiceType type, Dialect target)
    {
        return switch (type.kind()) {
            case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, DOUBLE, DATE -> type.kind().name();
            case FLOAT -> target == Dialect.TRINO ? "REAL" : "FLOAT";
            case DECIMAL -> format("DECIMAL(%d, %d)", type.precision(), type.scale());
            case CHAR -> target == Dialect.DUCKDB ? "VARCHAR" : format("CHAR(%d)", type.precision());
            case VARCHAR -> target == Dialect.DUCKDB ? "VARCHAR" : format("VARCHAR(%d)", type.precision());
            case STRING -> switch (target) {
                case SPARK, HIVE, FLINK -> "STRING";
                case TRINO, DUCKDB -> "VARCHAR";
            };
            case BINARY -> switch (target) {
                case SPARK, HIVE -> "BINARY";
                case TRINO -> "VARBINARY";
                case DUCKDB -> "BLOB";
                case FLINK -> "BYTES";
            };
            case TIME -> {
                if (target == Dialect.SPARK || target == Dialect.HIVE) {
                    throw notSupported(target, "type TIME");
                }
                yield "TIME";
            }
            case TIMESTAMP -> switch (target) {
                case SPARK, HIVE, DUCKDB -> "TIMESTAMP";
                case TRINO, FLINK -> "TIMESTAMP(6)";
            };
            case TIMESTAMP_WITH_TIME_ZONE -> switch (target) {
                case SPARK, HIVE -> "TIMESTAMP";
                case DUCKDB -> "TIMESTAMPTZ";
                case TRINO -> "TIMESTAMP(6) WITH TIME ZONE";
                case FLINK -> "TIMESTAMP_LTZ(6)";
            };
            case ARRAY -> switch (target) {
                case DUCKDB -> render(type.parameters().get(0), target) + "[]";
                case TRINO -> "ARRAY(" + render(type.parameters().get(0), target) + ")";
                case SPARK, HIVE, FLINK -> "ARRAY<" + render(type.parameters().get(0), target) + ">";
            };
            case MAP -> switch (target) {
                case DUCKDB, TRINO -> format("MAP(%s, %s)", render(type.parameters().get(0), target), render(type.parameters().get(1), target));
                case SPARK, HIVE, FLINK -> format("MAP<%s, %s>", render(type.parameters().get(0), target), render(type.parameters().get(1), target));
            };
            case STRUCT -> {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < type.parameters().size(); i++) {
                    String name = type.fieldNames().get(i);
                    String fieldType = render(type.parameters().get(i), target);
                    fields.add(switch (target) {
                        case DUCKDB, TRINO -> "\"" + name.replace("\"", "\"\"") + "\" " + fieldType;
                        case SPARK, HIVE -> "`" + name.replace("`", "``") + "`: " + fieldType;
                        case FLINK -> "`" + name.replace("`", "``") + "` " + fieldType;
                    });
                }
                String list = String.join(", ", fields);
                yield switch (target) {
                    case DUCKDB -> "STRUCT(" + list + ")";
                    case TRINO -> "ROW(" + list + ")";
                    case SPARK, HIVE -> "STRUCT<" + list + ">";
                    case FLINK -> "ROW<" + list + ">";
                };
            }
            case INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME, INTERVAL, NULL -> throw notSupported(target, "type " + type.displayName());
        };
    }

    /** The Sluice type of a validated expression's type. */
    public static SluiceType fromRelType(RelDataType type)
    {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> SluiceType.BOOLEAN;
            case TINYINT -> SluiceType.TINYINT;
            case SMALLINT -> SluiceType.SMALLINT;
            case INTEGER -> SluiceType.INTEGER;
            case BIGINT -> SluiceType.BIGINT;
            case REAL, FLOAT -> SluiceType.FLOAT;
            case DOUBLE -> SluiceType.DOUBLE;
            case DECIMAL -> SluiceType.decimal(type.getPrecision(), type.getScale());
            case CHAR, VARCHAR -> SluiceType.STRING;
            case BINARY, VARBINARY -> SluiceType.BINARY;
            case DATE -> SluiceType.DATE;
            case TIME -> SluiceType.TIME;
            case TIMESTAMP -> SluiceType.TIMESTAMP;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> SluiceType.TIMESTAMP_WITH_TIME_ZONE;
            case ARRAY -> SluiceType.array(fromRelType(type.getComponentType()));
            case MAP -> SluiceType.map(fromRelType(type.getKeyType()), fromRelType(type.getValueType()));
            case ROW -> SluiceType.struct(type.getFieldNames(),
                    type.getFieldList().stream().map(field -> fromRelType(field.getType())).collect(Collectors.toList()));
            default -> throw unsupportedType(type.getFullTypeString());
        };
    }

    /** A type as an engine spells it; only unparsed, never validated. */
    public static SqlDataTypeSpec targetSpec(String text, SqlParserPos pos)
    {
        return new SqlDataTypeSpec(new TargetTypeNameSpec(text, pos), pos);
    }

    private static SluiceException unsupportedType(String name)
    {
        return new SluiceException(ErrorCode.NOT_SUPPORTED, format("Type %s is not supported", name));
    }

    private static SluiceException notSupported(Dialect target, String construct)
    {
        return new SluiceException(ErrorCode.NOT_SUPPORTED, format("Not supported in %s: %s", target.settingValue(), construct));
    }

    private static final class TargetTypeNameSpec
            extends SqlTypeNameSpec
    {
        private final String text;

        TargetTypeNameSpec(String text, SqlParserPos pos)
        {
            super(new SqlIdentifier(text, pos), pos);
            this.text = text;
        }

        @Override
        public RelDataType deriveType(SqlValidator validator)
        {
            throw new UnsupportedOperationException("An engine's type name is not validated: " + text);
        }

        @Override
        public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
        {
            writer.print(text);
            writer.setNeedWhitespace(true);
        }

        @Override
        public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus)
        {
            if (spec instanceof TargetTypeNameSpec other && other.text.equals(text)) {
                return litmus.succeed();
            }
            return litmus.fail("{} != {}", this, spec);
        }
    }
}
