package io.sluice.dialects.functions;

import io.sluice.dialects.Dialect;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * One call being translated for an engine: its operands, already translated, their types as the validator
 * derived them (unknown when a statement is transpiled without a catalog), and ways to build the engine's
 * expression or refuse it.
 */
public final class CallContext
{
    private final String name;
    private final SqlCall call;
    private final List<RelDataType> operandTypes;
    private final Dialect input;
    private final Dialect target;
    private final Optional<RelDataType> resultType;

    public CallContext(String name, SqlCall call, List<RelDataType> operandTypes, Dialect input, Dialect target)
    {
        this(name, call, operandTypes, input, target, Optional.empty());
    }

    public CallContext(String name, SqlCall call, List<RelDataType> operandTypes, Dialect input, Dialect target, Optional<RelDataType> resultType)
    {
        this.name = requireNonNull(name, "name is null");
        this.call = requireNonNull(call, "call is null");
        this.operandTypes = new ArrayList<>(operandTypes);
        this.input = requireNonNull(input, "input is null");
        this.target = requireNonNull(target, "target is null");
        this.resultType = requireNonNull(resultType, "resultType is null");
    }

    /** The call's own type, as the validator derived it, if known. */
    public Optional<RelDataType> resultType()
    {
        return resultType;
    }

    /** The function's or operator's name as Spark spells it, in lower case. */
    public String name()
    {
        return name;
    }

    public SqlCall call()
    {
        return call;
    }

    public Dialect input()
    {
        return input;
    }

    public Dialect target()
    {
        return target;
    }

    public SqlParserPos pos()
    {
        return call.getParserPosition();
    }

    public int operandCount()
    {
        return call.operandCount();
    }

    public SqlNode operand(int i)
    {
        return call.operand(i);
    }

    public List<SqlNode> operands()
    {
        return call.getOperandList();
    }

    /** The operand's type, when the statement was validated. */
    public Optional<RelDataType> operandType(int i)
    {
        return i < operandTypes.size() ? Optional.ofNullable(operandTypes.get(i)) : Optional.empty();
    }

    public boolean operandIs(int i, SqlTypeName... names)
    {
        return operandType(i).map(type -> Arrays.asList(names).contains(type.getSqlTypeName())).orElse(false);
    }

    public boolean operandIsFamily(int i, SqlTypeFamily family)
    {
        return operandType(i).map(type -> type.getSqlTypeName().getFamily() == family).orElse(false);
    }

    public boolean operandIsString(int i)
    {
        return operandIs(i, SqlTypeName.CHAR, SqlTypeName.VARCHAR);
    }

    public boolean operandIsExactInteger(int i)
    {
        return operandIs(i, SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER, SqlTypeName.BIGINT);
    }

    public boolean operandIsDecimal(int i)
    {
        return operandIs(i, SqlTypeName.DECIMAL);
    }

    public boolean operandIsApproximate(int i)
    {
        return operandIs(i, SqlTypeName.REAL, SqlTypeName.FLOAT, SqlTypeName.DOUBLE);
    }

    public boolean operandIsArray(int i)
    {
        return operandIs(i, SqlTypeName.ARRAY);
    }

    public boolean operandIsMap(int i)
    {
        return operandIs(i, SqlTypeName.MAP);
    }

    public boolean operandIsNullLiteral(int i)
    {
        return operand(i) instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.NULL;
    }

    /** The operand's value if it is a string literal. */
    public Optional<String> stringLiteral(int i)
    {
        if (i < operandCount() && operand(i) instanceof SqlLiteral literal && literal.getValue() instanceof NlsString) {
            return Optional.of(literal.getValueAs(String.class));
        }
        return Optional.empty();
    }

    /** The operand's value if it is an integer literal. */
    public Optional<Long> integerLiteral(int i)
    {
        SqlNode node = i < operandCount() ? operand(i) : null;
        boolean negative = false;
        if (node instanceof SqlCall minus && minus.getKind() == org.apache.calcite.sql.SqlKind.MINUS_PREFIX) {
            negative = true;
            node = minus.operand(0);
        }
        if (node instanceof SqlNumericLiteral literal && literal.isExact() && literal.getScale() != null && literal.getScale() == 0) {
            long value = literal.longValue(true);
            return Optional.of(negative ? -value : value);
        }
        return Optional.empty();
    }

    /** The operand's value if it is a string literal; otherwise fails saying that it must be one. */
    public String requireStringLiteral(int i, String what)
    {
        return stringLiteral(i).orElseThrow(() -> unsupported(what + " must be a string literal"));
    }

    /** The engine's expression, written as a {@link TemplateOperator template} over this call's operands. */
    public SqlNode template(String template)
    {
        return template(template, operands());
    }

    /** The engine's expression, written as a template over the given operands. */
    public SqlNode template(String template, List<SqlNode> operands)
    {
        return new SqlBasicCall(new TemplateOperator(template), operands, pos());
    }

    /** A template that is never parenthesized: a table expression, or an expression that is atomic already. */
    public SqlNode atom(String template)
    {
        return new SqlBasicCall(new TemplateOperator(template, true), operands(), pos());
    }

    public SqlNode template(String template, SqlNode... operands)
    {
        return template(template, Arrays.asList(operands));
    }

    /** The engine's function of another name, with this call's operands (and DISTINCT, if given). */
    public SqlNode rename(String function)
    {
        boolean distinct = call.getFunctionQuantifier() != null
                && "DISTINCT".equals(call.getFunctionQuantifier().toValue());
        return template(function + "(" + (distinct ? "DISTINCT " : "") + (operandCount() == 0 ? "" : "{*}") + ")");
    }

    /** A refusal naming the function and the engine. */
    public SluiceException unsupported(String reason)
    {
        return new SluiceException(ErrorCode.NOT_SUPPORTED, format("Not supported in %s: %s%s", target.settingValue(),
                name.startsWith("operator ") ? name : name + "()", reason.isEmpty() ? "" : " (" + reason + ")"));
    }

    /** A refusal for an operand count the engine's mapping does not cover. */
    public SluiceException unsupportedArity()
    {
        return unsupported(format("with %d argument%s", operandCount(), operandCount() == 1 ? "" : "s"));
    }

    static String lower(String text)
    {
        return text.toLowerCase(Locale.ROOT);
    }
}
