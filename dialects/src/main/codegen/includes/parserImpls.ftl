<#--
  Sluice's productions on top of Calcite's grammar: Spark/Hive syntax and Sluice's SQL extensions.
  Each production builds the same nodes for every input dialect; what differs between dialects
  (quoting, string escapes, subscript base) is parser configuration or validation, not grammar.
-->

/** LEFT SEMI JOIN: rows of the left side that have a match on the right. */
JoinType LeftSemiJoin() :
{
}
{
    <LEFT> <SEMI> <JOIN> { return JoinType.LEFT_SEMI_JOIN; }
}

/** LEFT ANTI JOIN: rows of the left side that have no match on the right. */
JoinType LeftAntiJoin() :
{
}
{
    <LEFT> <ANTI> <JOIN> { return JoinType.LEFT_ANTI_JOIN; }
}

/**
 * Spark's and Hive's LATERAL VIEW [OUTER] generator(args) tableAlias [AS] col, ...
 * It becomes a lateral join with UNNEST, so the validator and every target see standard SQL.
 */
SqlNode SparkLateralView(SqlNode left) :
{
    final Span s;
    boolean outer = false;
    final SqlNode generator;
    final SqlIdentifier tableAlias;
    final List<SqlIdentifier> columns = new ArrayList<SqlIdentifier>();
    SqlIdentifier column;
}
{
    <LATERAL> { s = span(); } <VIEW>
    [ <OUTER> { outer = true; } ]
    generator = NamedFunctionCall()
    tableAlias = SimpleIdentifier()
    [
        LOOKAHEAD(2)
        [ <AS> ]
        column = SimpleIdentifier() { columns.add(column); }
        (
            LOOKAHEAD(2)
            <COMMA> column = SimpleIdentifier() { columns.add(column); }
        )*
    ]
    {
        return SqlLateralView.join(s.end(this), left, outer, generator, tableAlias, columns);
    }
}

/** GROUP BY a, b [WITH ROLLUP | WITH CUBE] (Hive's and Spark's spelling of ROLLUP(a, b)). */
List<SqlNode> SparkGroupingElementList() :
{
    final List<SqlNode> list;
    final Span s;
}
{
    list = GroupingElementList()
    (
        <WITH> { s = span(); }
        (
            <ROLLUP> {
                return ImmutableList.<SqlNode>of(
                    SqlStdOperatorTable.ROLLUP.createCall(s.end(this), list));
            }
        |
            <CUBE> {
                return ImmutableList.<SqlNode>of(
                    SqlStdOperatorTable.CUBE.createCall(s.end(this), list));
            }
        )
    |
        { return list; }
    )
}

/**
 * Spark's table references that Calcite's grammar lacks: {@code VALUES (1, 'a'), (2, 'b') AS t(id, name)}
 * without parentheses, and the table function {@code range(...)}, whose name Calcite reserves.
 */
SqlNode SparkValuesTable() :
{
    final SqlNode table;
}
{
    table = TableConstructor() { return table; }
|
    <RANGE> table = ImplicitTableFunctionCallArgs(new SqlIdentifier("range", getPos())) {
        return table;
    }
}

/**
 * Spark's first(x [, ignoreNulls]), last(...) and their aliases first_value, last_value, as aggregates or over a
 * window ({@link SparkFirstLast}); Calcite would read FIRST(...) and LAST(...) as MATCH_RECOGNIZE's navigation.
 */
SqlNode SparkFirstOrLast() :
{
    final boolean first;
    final Span s;
    final List<SqlNode> args = new ArrayList<SqlNode>();
    SqlNode e;
    SqlKind nulls = null;
    SqlNode filter = null;
    SqlNode over = null;
}
{
    (
        ( <FIRST> | <FIRST_VALUE> ) { first = true; }
    |
        ( <LAST> | <LAST_VALUE> ) { first = false; }
    )
    { s = span(); }
    <LPAREN> e = Expression(ExprContext.ACCEPT_SUB_QUERY) { args.add(e); }
    [ <COMMA> e = Expression(ExprContext.ACCEPT_SUB_QUERY) { args.add(e); } ]
    <RPAREN>
    [ <FILTER> <LPAREN> <WHERE> filter = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN> ]
    [
        LOOKAHEAD(2)
        (
            <IGNORE> <NULLS> { nulls = SqlKind.IGNORE_NULLS; }
        |
            <RESPECT> <NULLS> { nulls = SqlKind.RESPECT_NULLS; }
        )
    ]
    [ <OVER> ( over = SimpleIdentifier() | over = WindowSpecification() ) ]
    {
        return SparkFirstLast.call(first, s.pos(), args, nulls, filter, over, getPos());
    }
}

/** Spark's bitwise NOT, {@code ~a}; unary operators bind tighter than any binary one. */
SqlNode SparkBitwiseNot() :
{
    final Span s;
    final SqlNode operand;
}
{
    <TILDE> { s = span(); } operand = Expression3(ExprContext.ACCEPT_NON_QUERY) {
        return SparkOperators.BITWISE_NOT.createCall(s.end(operand), operand);
    }
}

/** Spark's binary operators that Calcite lacks: a <=> b, a == b, a DIV b. */
void SparkBinaryOperator(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    (
        <NULL_SAFE_EQUAL> { op = SqlStdOperatorTable.IS_NOT_DISTINCT_FROM; }
    |
        <DOUBLE_EQUALS> { op = SqlStdOperatorTable.EQUALS; }
    |
        <DIV> { op = SparkOperators.DIV; }
    |
        <VERTICAL_BAR> { op = SparkOperators.BITWISE_OR; }
    )
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/** ARRAY<element type>. */
SqlTypeNameSpec SparkArrayType() :
{
    final Span s;
    final SqlDataTypeSpec element;
}
{
    <ARRAY> { s = span(); } <LT> element = DataType() <GT> {
        return new SqlCollectionTypeNameSpec(element.getTypeNameSpec(), SqlTypeName.ARRAY,
            s.end(this));
    }
}

/** STRUCT<name: type, ...> (the colon is optional, as in Hive). */
SqlTypeNameSpec SparkStructType() :
{
    final Span s;
    final List<SqlIdentifier> names = new ArrayList<SqlIdentifier>();
    final List<SqlDataTypeSpec> types = new ArrayList<SqlDataTypeSpec>();
}
{
    <STRUCT> { s = span(); } <LT>
    [
        SparkStructField(names, types)
        ( <COMMA> SparkStructField(names, types) )*
    ]
    <GT> {
        return new SqlRowTypeNameSpec(s.end(this), names, types);
    }
}

void SparkStructField(List<SqlIdentifier> names, List<SqlDataTypeSpec> types) :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
}
{
    name = SimpleIdentifier() [ <COLON> ] type = DataType() {
        names.add(name);
        types.add(type);
    }
}

/** USE [DATABASE | SCHEMA] name. */
SqlNode SqlUseDatabase() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <USE> { s = span(); }
    [ LOOKAHEAD(2) ( <DATABASE> | <SCHEMA> ) ]
    name = CompoundIdentifier()
    {
        return new SqlUseDatabase(s.end(this), name);
    }
}

/**
 * SHOW DATABASES | SCHEMAS | TABLES | VIEWS | COLUMNS | FUNCTIONS | PARTITIONS | CREATE TABLE | CREATE VIEW, with
 * Spark's optional parts; SHOW CATALOGS; SHOW ENGINES; SHOW QUERIES; SHOW STATS FOR t.
 */
SqlNode SqlShowStatement() :
{
    final Span s;
    final SqlShow.Kind kind;
    SqlIdentifier table = null;
    SqlIdentifier database = null;
    SqlNode pattern = null;
    final Map<String, String> partition = new LinkedHashMap<String, String>();
}
{
    <SHOW> { s = span(); }
    (
        ( <DATABASES> | <SCHEMAS> ) { kind = SqlShow.Kind.DATABASES; }
        [ ( <FROM> | <IN> ) database = CompoundIdentifier() ]
        [ [ <LIKE> ] pattern = StringLiteral() ]
    |
        <CATALOGS> { kind = SqlShow.Kind.CATALOGS; }
        [ [ <LIKE> ] pattern = StringLiteral() ]
    |
        <TABLES> { kind = SqlShow.Kind.TABLES; }
        [ ( <FROM> | <IN> ) database = CompoundIdentifier() ]
        [ [ <LIKE> ] pattern = StringLiteral() ]
    |
        <VIEWS> { kind = SqlShow.Kind.VIEWS; }
        [ ( <FROM> | <IN> ) database = CompoundIdentifier() ]
        [ [ <LIKE> ] pattern = StringLiteral() ]
    |
        <COLUMNS> { kind = SqlShow.Kind.COLUMNS; }
        ( <FROM> | <IN> ) table = CompoundIdentifier()
        [ ( <FROM> | <IN> ) database = CompoundIdentifier() ]
    |
        [ <USER> | <SYSTEM> | <ALL> ]
        <FUNCTIONS> { kind = SqlShow.Kind.FUNCTIONS; }
        [ [ <LIKE> ] pattern = StringLiteral() ]
    |
        <ENGINES> { kind = SqlShow.Kind.ENGINES; }
    |
        <QUERIES> { kind = SqlShow.Kind.QUERIES; }
    |
        <STATS> <FOR> { kind = SqlShow.Kind.STATS; }
        table = CompoundIdentifier()
    |
        <PARTITIONS> { kind = SqlShow.Kind.PARTITIONS; }
        table = CompoundIdentifier()
        [ SparkPartitionSpec(partition) ]
    |
        <CREATE>
        (
            <TABLE> { kind = SqlShow.Kind.CREATE_TABLE; }
        |
            <VIEW> { kind = SqlShow.Kind.CREATE_VIEW; }
        )
        table = CompoundIdentifier()
        // Spark's AS SERDE asks for Hive DDL; Sluice writes one form for every table.
        [ <AS> <SERDE> ]
    )
    {
        return new SqlShow(s.end(this), kind, database, table, pattern, partition);
    }
}

/** PARTITION (key = 'value', ...): the partition values of a partitioned table, in the order written. */
void SparkPartitionSpec(Map<String, String> spec) :
{
    SqlIdentifier key;
    SqlNode value;
}
{
    <PARTITION> <LPAREN>
    key = SimpleIdentifier() <EQ> value = Literal() {
        spec.put(key.getSimple(), SqlLiteral.unchain(value).toValue());
    }
    (
        <COMMA> key = SimpleIdentifier() <EQ> value = Literal() {
            spec.put(key.getSimple(), SqlLiteral.unchain(value).toValue());
        }
    )*
    <RPAREN>
}

/** DESCRIBE | DESC [TABLE] [EXTENDED | FORMATTED] t [column], DESCRIBE DATABASE d, DESCRIBE QUERY q. */
SqlNode SqlDescribeStatement() :
{
    final Span s;
    SqlDescribeObject.Kind kind = SqlDescribeObject.Kind.TABLE;
    SqlDescribeObject.Detail detail = SqlDescribeObject.Detail.NONE;
    final SqlIdentifier name;
    final String id;
    SqlIdentifier column = null;
    final SqlNode query;
}
{
    ( <DESCRIBE> | <DESC> ) { s = span(); }
    (
        // DESCRIBE JOB id; a table named job is DESCRIBE job or DESCRIBE TABLE job.
        LOOKAHEAD(2)
        <JOB> id = ManagementId() {
            return new SqlManagement(s.end(this), SqlManagement.Verb.DESCRIBE, SqlManagement.Noun.JOB, id, null, null,
                new LinkedHashMap<String, String>(), null, null, false);
        }
    |
        LOOKAHEAD(2)
        ( <DATABASE> | <SCHEMA> ) { kind = SqlDescribeObject.Kind.DATABASE; }
        [ LOOKAHEAD(2) <EXTENDED> { detail = SqlDescribeObject.Detail.EXTENDED; } ]
        name = CompoundIdentifier() {
            return new SqlDescribeObject(s.end(this), kind, detail, name, null, null);
        }
    |
        LOOKAHEAD(2)
        <FUNCTION> { kind = SqlDescribeObject.Kind.FUNCTION; }
        [ LOOKAHEAD(2) <EXTENDED> { detail = SqlDescribeObject.Detail.EXTENDED; } ]
        name = CompoundIdentifier() {
            return new SqlDescribeObject(s.end(this), kind, detail, name, null, null);
        }
    |
        LOOKAHEAD([ <QUERY> ] ( <SELECT> | <WITH> | <VALUES> | <LPAREN> ))
        [ LOOKAHEAD(2) <QUERY> ]
        query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) {
            return new SqlDescribeObject(s.end(this), SqlDescribeObject.Kind.QUERY,
                SqlDescribeObject.Detail.NONE, null, null, query);
        }
    |
        [ LOOKAHEAD(2) <TABLE> ]
        [
            LOOKAHEAD(2)
            (
                <EXTENDED> { detail = SqlDescribeObject.Detail.EXTENDED; }
            |
                <FORMATTED> { detail = SqlDescribeObject.Detail.FORMATTED; }
            )
        ]
        name = CompoundIdentifier()
        [ column = SimpleIdentifier() ]
        {
            return new SqlDescribeObject(s.end(this), kind, detail, name, column, null);
        }
    )
}

/**
 * EXPLAIN [EXTENDED | FORMATTED] statement: Spark's spelling, without PLAN FOR; Sluice's EXPLAIN ROUTE statement:
 * which engine would run it, and why.
 */
SqlNode SqlExplainStatement() :
{
    final Span s;
    boolean extended = false;
    SqlNode statement;
}
{
    <EXPLAIN> { s = span(); }
    (
        LOOKAHEAD(2)
        <ROUTE> statement = SqlStmt() {
            return new SqlExplainRoute(s.end(this), statement);
        }
    |
        [ LOOKAHEAD(2) ( <EXTENDED> | <FORMATTED> ) { extended = true; } ]
        statement = SqlQueryOrDml() {
            return new SqlExplainQuery(s.end(this), extended, statement);
        }
    )
}

/** INSERT INTO | OVERWRITE [TABLE] t [(columns)] query. */
SqlNode SqlInsertStatement() :
{
    final Span s;
    boolean overwrite = false;
    final SqlNode table;
    SqlNodeList columns = null;
    final SqlNode source;
}
{
    <INSERT> { s = span(); }
    ( <INTO> | <OVERWRITE> { overwrite = true; } )
    [ <TABLE> ]
    table = CompoundTableIdentifier()
    [
        LOOKAHEAD(2)
        columns = ParenthesizedSimpleIdentifierList()
    ]
    source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) {
        if (overwrite) {
            return new SqlInsertOverwrite(s.end(source), table, source, columns);
        }
        return new SqlInsert(s.end(source), SqlNodeList.EMPTY, table, source, columns);
    }
}

/** CACHE [LAZY] TABLE t [[AS] query], UNCACHE TABLE [IF EXISTS] t, CLEAR CACHE, REFRESH [TABLE] t. */
SqlNode SqlCacheStatement() :
{
    final Span s;
    SqlIdentifier name = null;
    SqlNode query = null;
    boolean ifExists = false;
}
{
    (
        <CACHE> { s = span(); }
        [ <LAZY> ]
        <TABLE> name = CompoundIdentifier()
        [ [ <AS> ] query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) ]
        {
            return new SqlCacheTable(s.end(this), SqlCacheTable.Kind.CACHE, name, query, false);
        }
    |
        <UNCACHE> { s = span(); }
        <TABLE> [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
        name = CompoundIdentifier() {
            return new SqlCacheTable(s.end(this), SqlCacheTable.Kind.UNCACHE, name, null, ifExists);
        }
    |
        <CLEAR> { s = span(); } <CACHE> {
            return new SqlCacheTable(s.end(this), SqlCacheTable.Kind.CLEAR, null, null, false);
        }
    |
        <REFRESH> { s = span(); } [ <TABLE> ]
        name = CompoundIdentifier() {
            return new SqlCacheTable(s.end(this), SqlCacheTable.Kind.REFRESH, name, null, false);
        }
    )
}

/** TRANSPILE 'sql' [FROM dialect] TO dialect: Sluice's extension, one row with the translation. */
SqlNode SqlTranspileStatement() :
{
    final Span s;
    final SqlNode sql;
    SqlIdentifier from = null;
    final SqlIdentifier to;
}
{
    <TRANSPILE> { s = span(); }
    sql = StringLiteral()
    [ <FROM> from = SimpleIdentifier() ]
    <TO> to = SimpleIdentifier() {
        return new SqlTranspile(s.end(this), sql, from, to);
    }
}

/**
 * After CREATE [OR REPLACE]: [TEMPORARY | TEMP] VIEW, [EXTERNAL] TABLE with Spark's clauses,
 * DATABASE | SCHEMA.
 */
SqlCreate SqlCreateObject(Span s, boolean replace) :
{
    boolean temporary = false;
    boolean external = false;
    boolean ifNotExists = false;
    final SqlIdentifier name;
    SqlNodeList columns = null;
    SqlIdentifier format = null;
    SqlNodeList partitionedBy = null;
    SqlNode comment = null;
    SqlNode query = null;
    final List<String> unsupported = new ArrayList<String>();
}
{
    (
        [ ( <TEMPORARY> | <TEMP> ) { temporary = true; } ]
        <VIEW>
        [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
        name = CompoundIdentifier()
        [ columns = ParenthesizedSimpleIdentifierList() ]
        [ <COMMENT> comment = StringLiteral() ]
        <AS>
        query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) {
            return new SqlCreateView(s.end(this), replace, temporary, ifNotExists, name, columns,
                query);
        }
    |
        [ <EXTERNAL> { external = true; } ]
        <TABLE>
        [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
        name = CompoundIdentifier()
        [ LOOKAHEAD(2) columns = SparkColumnDefinitions() ]
        (
            LOOKAHEAD(2)
            (
            <USING> format = SimpleIdentifier()
        |
            LOOKAHEAD(2)
            <PARTITIONED> <BY> partitionedBy = ParenthesizedSimpleIdentifierList()
        |
            LOOKAHEAD(2)
            <COMMENT> comment = StringLiteral()
        |
            LOOKAHEAD(2)
            <OPTIONS> { unsupported.add("OPTIONS"); } SparkPropertyList()
        |
            LOOKAHEAD(2)
            <TBLPROPERTIES> { unsupported.add("TBLPROPERTIES"); } SparkPropertyList()
            )
        )*
        [ [ <AS> ] query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) ]
        {
            return new SqlCreateTable(s.end(this), replace, external, ifNotExists, name, columns,
                format, partitionedBy, query, unsupported);
        }
    |
        ( <DATABASE> | <SCHEMA> )
        [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
        name = CompoundIdentifier()
        [ <COMMENT> comment = StringLiteral() ]
        {
            return new SqlCreateDatabase(s.end(this), ifNotExists, name);
        }
    )
}

/** (name type [NOT NULL] [COMMENT 'text'], ...): names and types alternate in the list. */
SqlNodeList SparkColumnDefinitions() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    SparkColumnDefinition(list)
    ( <COMMA> SparkColumnDefinition(list) )*
    <RPAREN> {
        return new SqlNodeList(list, s.end(this));
    }
}

void SparkColumnDefinition(List<SqlNode> list) :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    boolean nullable = true;
}
{
    name = SimpleIdentifier()
    type = DataType()
    [ <NOT> <NULL> { nullable = false; } ]
    [ <COMMENT> StringLiteral() ]
    {
        list.add(name);
        list.add(type.withNullable(nullable));
    }
}

/** ('key' = 'value', key 'value', ...): parsed so that it can be refused by name. */
void SparkPropertyList() :
{
}
{
    <LPAREN>
    SparkProperty()
    ( <COMMA> SparkProperty() )*
    <RPAREN>
}

void SparkProperty() :
{
}
{
    ( StringLiteral() | CompoundIdentifier() )
    [ <EQ> ]
    Literal()
}

/** After DROP: TABLE | VIEW | DATABASE | SCHEMA [IF EXISTS] name [CASCADE | RESTRICT]. */
SqlDrop SqlDropStatement(Span s, boolean replace) :
{
    final SqlDropObject.Kind kind;
    boolean ifExists = false;
    final SqlIdentifier name;
    boolean cascade = false;
}
{
    (
        <TABLE> { kind = SqlDropObject.Kind.TABLE; }
    |
        <VIEW> { kind = SqlDropObject.Kind.VIEW; }
    |
        ( <DATABASE> | <SCHEMA> ) { kind = SqlDropObject.Kind.DATABASE; }
    )
    [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
    name = CompoundIdentifier()
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    {
        return new SqlDropObject(s.end(this), kind, ifExists, name, cascade);
    }
}

/**
 * Spark's SET and RESET: SET lists the session's settings, SET key shows one, SET key = value
 * changes one, RESET [key] restores defaults. Keys and values are raw text, as in Spark: keys such
 * as spark.sql.shuffle.partitions contain words that are reserved in SQL.
 */
SqlSetOption SqlSessionSetOption(Span s, String scope) :
{
    String key = null;
    String value = null;
}
{
    (
        <SET> { s.add(this); }
        [
            LOOKAHEAD({ getToken(1).kind != EOF && getToken(1).kind != SEMICOLON })
            key = SettingText()
            [ <EQ> value = SettingText() ]
        ]
        {
            return new SqlSessionSet(s.end(this), scope, key, value, false);
        }
    |
        <RESET> { s.add(this); }
        [
            LOOKAHEAD({ getToken(1).kind != EOF && getToken(1).kind != SEMICOLON })
            key = SettingText()
        ]
        {
            return new SqlSessionSet(s.end(this), scope, key, null, true);
        }
    )
}

/** The text of the tokens up to '=', ';' or the end, with the spaces between them kept. */
JAVACODE String SettingText() {
    final StringBuilder text = new StringBuilder();
    Token previous = null;
    Token next = getToken(1);
    while (next.kind != EOF && next.kind != EQ && next.kind != SEMICOLON) {
        if (previous != null
            && (next.beginLine != previous.endLine || next.beginColumn > previous.endColumn + 1)) {
            text.append(' ');
        }
        text.append(next.image);
        previous = getNextToken();
        next = getToken(1);
    }
    if (previous == null) {
        throw generateParseException();
    }
    return text.toString();
}

/**
 * Access control: CREATE|DROP ROLE; GRANT|REVOKE privileges ON CATALOG|DATABASE|TABLE name TO|FROM ROLE r;
 * GRANT|REVOKE ROLE r TO|FROM USER|GROUP u; SHOW ROLES; SHOW GRANTS [FOR ROLE|USER|GROUP x]; CREATE ROW FILTER f ON
 * [TABLE] t FOR ROLE r AS predicate; CREATE COLUMN MASK m ON [TABLE] t COLUMN c FOR ROLE r AS expression; DROP ROW
 * FILTER|COLUMN MASK [IF EXISTS] name; SHOW ROW FILTERS; SHOW COLUMN MASKS.
 */
SqlNode SqlAccessStatement() :
{
    Span s;
    SqlAccessControl.Verb verb = null;
    String name = null;
    final List<String> privileges = new ArrayList<String>();
    SqlAccessControl.ObjectType objectType = null;
    List<String> object = new ArrayList<String>();
    SqlAccessControl.PrincipalType principalType = null;
    String principal = null;
    String column = null;
    SqlParserPos position = null;
    boolean ifExists = false;
    SqlIdentifier id;
}
{
    (
        <CREATE> { s = span(); }
        (
            <ROLE> { verb = SqlAccessControl.Verb.CREATE_ROLE; } name = ManagementName()
        |
            <ROW> <FILTER> { verb = SqlAccessControl.Verb.CREATE_ROW_FILTER; } name = ManagementName()
            <ON> [ <TABLE> ] id = CompoundIdentifier() { objectType = SqlAccessControl.ObjectType.TABLE; object = id.names; }
            <FOR> <ROLE> principal = ManagementName() { principalType = SqlAccessControl.PrincipalType.ROLE; }
            <AS> { position = new SqlParserPos(getToken(1).beginLine, getToken(1).beginColumn); }
            Expression(ExprContext.ACCEPT_NON_QUERY)
        |
            <COLUMN> <MASK> { verb = SqlAccessControl.Verb.CREATE_COLUMN_MASK; } name = ManagementName()
            <ON> [ <TABLE> ] id = CompoundIdentifier() { objectType = SqlAccessControl.ObjectType.TABLE; object = id.names; }
            <COLUMN> column = ManagementName()
            <FOR> <ROLE> principal = ManagementName() { principalType = SqlAccessControl.PrincipalType.ROLE; }
            <AS> { position = new SqlParserPos(getToken(1).beginLine, getToken(1).beginColumn); }
            Expression(ExprContext.ACCEPT_NON_QUERY)
        )
    |
        <DROP> { s = span(); }
        (
            <ROLE> { verb = SqlAccessControl.Verb.DROP_ROLE; }
        |
            <ROW> <FILTER> { verb = SqlAccessControl.Verb.DROP_ROW_FILTER; }
        |
            <COLUMN> <MASK> { verb = SqlAccessControl.Verb.DROP_COLUMN_MASK; }
        )
        [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
        name = ManagementName()
    |
        ( <GRANT> { verb = SqlAccessControl.Verb.GRANT; } | <REVOKE> { verb = SqlAccessControl.Verb.REVOKE; } )
        { s = span(); }
        (
            <ROLE> name = ManagementName()
            {
                verb = verb == SqlAccessControl.Verb.GRANT ? SqlAccessControl.Verb.GRANT_ROLE : SqlAccessControl.Verb.REVOKE_ROLE;
            }
            ( <TO> | <FROM> )
            (
                <USER> { principalType = SqlAccessControl.PrincipalType.USER; }
            |
                <GROUP> { principalType = SqlAccessControl.PrincipalType.GROUP; }
            )
            principal = ManagementName()
        |
            AccessPrivilege(privileges) ( <COMMA> AccessPrivilege(privileges) )*
            <ON>
            (
                LOOKAHEAD(2) <CATALOG> principal = ManagementName() { objectType = SqlAccessControl.ObjectType.CATALOG; object.add(principal); principal = null; }
            |
                LOOKAHEAD(2) ( <DATABASE> | <SCHEMA> ) id = CompoundIdentifier() { objectType = SqlAccessControl.ObjectType.DATABASE; object = id.names; }
            |
                [ <TABLE> ] id = CompoundIdentifier() { objectType = SqlAccessControl.ObjectType.TABLE; object = id.names; }
            )
            ( <TO> | <FROM> )
            <ROLE> { principalType = SqlAccessControl.PrincipalType.ROLE; }
            principal = ManagementName()
        )
    |
        <SHOW> { s = span(); }
        (
            <ROLES> { verb = SqlAccessControl.Verb.SHOW_ROLES; }
        |
            <GRANTS> { verb = SqlAccessControl.Verb.SHOW_GRANTS; }
            [
                <FOR>
                (
                    <ROLE> { principalType = SqlAccessControl.PrincipalType.ROLE; }
                |
                    <USER> { principalType = SqlAccessControl.PrincipalType.USER; }
                |
                    <GROUP> { principalType = SqlAccessControl.PrincipalType.GROUP; }
                )
                principal = ManagementName()
            ]
        |
            <ROW> <FILTERS> { verb = SqlAccessControl.Verb.SHOW_ROW_FILTERS; }
        |
            <COLUMN> <MASKS> { verb = SqlAccessControl.Verb.SHOW_COLUMN_MASKS; }
        )
    )
    {
        return new SqlAccessControl(s.end(this), verb, name, privileges, objectType, object, principalType, principal, column, position, ifExists);
    }
}

/** SELECT | INSERT | UPDATE | DELETE | CREATE | DROP | ALL [PRIVILEGES]. */
void AccessPrivilege(List<String> privileges) :
{
}
{
    (
        <SELECT> { privileges.add("SELECT"); }
    |
        <INSERT> { privileges.add("INSERT"); }
    |
        <UPDATE> { privileges.add("UPDATE"); }
    |
        <DELETE> { privileges.add("DELETE"); }
    |
        <CREATE> { privileges.add("CREATE"); }
    |
        <DROP> { privileges.add("DROP"); }
    |
        <ALL> [ <PRIVILEGES> ] { privileges.add("ALL"); }
    )
}

// TOKEN is a word of JavaCC's own, so the keyword has a token name of its own (defined before IDENTIFIER, as the
// keywords are, so that it wins over an identifier of the same text; non-reserved like them).
<DEFAULT, DQID, BTID, BQID, BQHID> TOKEN :
{
    < TOKEN_WORD: "TOKEN" >
}

/**
 * Sluice's statements about jobs, schedules, clusters, storages and interactive groups: SUBMIT JOB; SHOW JOBS |
 * SCHEDULES | CLUSTERS | STORAGES | GROUPS [[LIKE] 'pattern'] [LIMIT n]; SHOW JOB LOGS id [LIMIT n]; CANCEL JOB id;
 * CREATE SCHEDULE | CLUSTER | STORAGE | GROUP; ALTER CLUSTER; DROP SCHEDULE | CLUSTER | STORAGE | GROUP [IF EXISTS];
 * PAUSE | RESUME SCHEDULE. DESCRIBE JOB id is read with DESCRIBE.
 */
SqlNode SqlManagementStatement() :
{
    Span s = null;
    SqlManagement.Verb verb = null;
    SqlManagement.Noun noun = null;
    String name = null;
    String type = null;
    String engine = null;
    final Map<String, String> properties = new LinkedHashMap<String, String>();
    String pattern = null;
    Integer limit = null;
    boolean ifExists = false;
    SqlNode node;
}
{
    (
        node = SqlSubmitJobStatement() { return node; }
    |
        <SHOW> { s = span(); verb = SqlManagement.Verb.SHOW; }
        (
            <JOBS> { noun = SqlManagement.Noun.JOB; }
        |
            <SCHEDULES> { noun = SqlManagement.Noun.SCHEDULE; }
        |
            <CLUSTERS> { noun = SqlManagement.Noun.CLUSTER; }
        |
            <STORAGES> { noun = SqlManagement.Noun.STORAGE; }
        |
            <GROUPS> { noun = SqlManagement.Noun.GROUP; }
        |
            <TOKENS> { noun = SqlManagement.Noun.TOKEN; }
        |
            <AUDIT> { noun = SqlManagement.Noun.AUDIT; }
        |
            <JOB> <LOGS> { noun = SqlManagement.Noun.JOB; verb = SqlManagement.Verb.SHOW_LOGS; }
            name = ManagementId()
        )
        [ [ <LIKE> ] pattern = ManagementString() ]
        [ <LIMIT> limit = ManagementLimit() ]
    |
        <CANCEL> { s = span(); verb = SqlManagement.Verb.CANCEL; }
        <JOB> { noun = SqlManagement.Noun.JOB; }
        name = ManagementId()
    |
        ( <PAUSE> { verb = SqlManagement.Verb.PAUSE; } | <RESUME> { verb = SqlManagement.Verb.RESUME; } )
        { s = span(); }
        <SCHEDULE> { noun = SqlManagement.Noun.SCHEDULE; }
        name = ManagementName()
    |
        <CREATE> { s = span(); verb = SqlManagement.Verb.CREATE; }
        (
            node = SqlCreateScheduleBody(s) { return node; }
        |
            ( <CLUSTER> { noun = SqlManagement.Noun.CLUSTER; } | <STORAGE> { noun = SqlManagement.Noun.STORAGE; } )
            name = ManagementName()
            <TYPE> type = ManagementName()
            [ <WITH> ManagementProperties(properties) ]
        |
            <GROUP> { noun = SqlManagement.Noun.GROUP; }
            name = ManagementName()
            [ <USING> <ENGINE> engine = ManagementName() ]
            [ <WITH> ManagementProperties(properties) ]
        |
            <TOKEN_WORD> { noun = SqlManagement.Noun.TOKEN; }
            name = ManagementName()
            [ <EXPIRES> type = ManagementString() { properties.put("expires", type); type = null; } ]
            [
                <ROLES> <LPAREN> type = ManagementName() { engine = type; }
                ( <COMMA> type = ManagementName() { engine = engine + "," + type; } )*
                <RPAREN> { properties.put("roles", engine); engine = null; type = null; }
            ]
        )
    |
        <ALTER> { s = span(); verb = SqlManagement.Verb.ALTER; }
        <CLUSTER> { noun = SqlManagement.Noun.CLUSTER; }
        name = ManagementName()
        ( <SET> | <WITH> )
        ManagementProperties(properties)
    |
        <DROP> { s = span(); verb = SqlManagement.Verb.DROP; }
        (
            <SCHEDULE> { noun = SqlManagement.Noun.SCHEDULE; }
        |
            <CLUSTER> { noun = SqlManagement.Noun.CLUSTER; }
        |
            <STORAGE> { noun = SqlManagement.Noun.STORAGE; }
        |
            <GROUP> { noun = SqlManagement.Noun.GROUP; }
        |
            <TOKEN_WORD> { noun = SqlManagement.Noun.TOKEN; }
        )
        [ LOOKAHEAD(2) <IF> <EXISTS> { ifExists = true; } ]
        name = ManagementName()
    )
    {
        return new SqlManagement(s.end(this), verb, noun, name, type, engine, properties, pattern, limit, ifExists);
    }
}

/**
 * SUBMIT JOB name [ON CLUSTER c] [USING ENGINE e] AS statement, or SUBMIT JOB name [ON CLUSTER c] CLASS 'main'
 * JAR 'path' [ARGS ('a', ...)] [CONF (k = 'v', ...)]. The statement's position is kept so that the job runs its text as
 * written.
 */
SqlSubmitJob SqlSubmitJobStatement() :
{
    final Span s;
    final String name;
    String cluster = null;
    String engine = null;
    SqlNode statement = null;
    SqlParserPos position = null;
    String mainClass = null;
    String jar = null;
    String argument;
    final List<String> arguments = new ArrayList<String>();
    final Map<String, String> conf = new LinkedHashMap<String, String>();
}
{
    <SUBMIT> { s = span(); } <JOB>
    name = ManagementName()
    [ <ON> <CLUSTER> cluster = ManagementName() ]
    [ <USING> <ENGINE> engine = ManagementName() ]
    (
        <AS> { position = new SqlParserPos(getToken(1).beginLine, getToken(1).beginColumn); }
        statement = SqlStmt()
    |
        <CLASS> mainClass = ManagementString()
        <JAR> jar = ManagementString()
        [
            <ARGS> <LPAREN>
            [
                argument = ManagementString() { arguments.add(argument); }
                ( <COMMA> argument = ManagementString() { arguments.add(argument); } )*
            ]
            <RPAREN>
        ]
        [ <CONF> ManagementProperties(conf) ]
    )
    {
        return new SqlSubmitJob(s.end(this), name, cluster, engine, statement, position, mainClass, jar, arguments, conf);
    }
}

/** After CREATE: SCHEDULE name CRON 'expr' [TIMEZONE 'zone'] [STARTS 'ts'] [ENDS 'ts'] AS SUBMIT JOB .... */
SqlNode SqlCreateScheduleBody(Span s) :
{
    final String name;
    final String cron;
    String timeZone = null;
    String starts = null;
    String ends = null;
    final SqlParserPos position;
    final SqlSubmitJob job;
}
{
    <SCHEDULE> name = ManagementName()
    <CRON> cron = ManagementString()
    [ <TIMEZONE> timeZone = ManagementString() ]
    [ <STARTS> starts = ManagementString() ]
    [ <ENDS> ends = ManagementString() ]
    <AS> { position = new SqlParserPos(getToken(1).beginLine, getToken(1).beginColumn); }
    job = SqlSubmitJobStatement()
    {
        return new SqlCreateSchedule(s.end(this), name, cron, timeZone, starts, ends, job, position);
    }
}

/** (key = 'value', ...): keys are names (dots allowed) or strings; values are strings, numbers or TRUE/FALSE. */
void ManagementProperties(Map<String, String> properties) :
{
}
{
    <LPAREN>
    [
        ManagementProperty(properties)
        ( <COMMA> ManagementProperty(properties) )*
    ]
    <RPAREN>
}

void ManagementProperty(Map<String, String> properties) :
{
    final String key;
    final String value;
    SqlNode literal;
    SqlIdentifier identifier;
}
{
    (
        key = ManagementString()
    |
        identifier = CompoundIdentifier() { key = String.join(".", identifier.names); }
    )
    <EQ>
    (
        value = ManagementString()
    |
        literal = NumericLiteral() { value = ((SqlLiteral) literal).toValue(); }
    |
        <TRUE> { value = "true"; }
    |
        <FALSE> { value = "false"; }
    )
    {
        if (properties.containsKey(key)) {
            throw new ParseException("The property '" + key + "' is set twice");
        }
        properties.put(key, value);
    }
}

/** A name: an identifier, written bare or in backticks, or a string. */
String ManagementName() :
{
    final SqlIdentifier name;
    final String text;
}
{
    (
        name = SimpleIdentifier() { return name.getSimple(); }
    |
        text = ManagementString() { return text; }
    )
}

/** A job id: written bare, as a number or as a string. */
String ManagementId() :
{
    final String text;
    final SqlNode number;
}
{
    (
        text = ManagementName() { return text; }
    |
        number = UnsignedNumericLiteral() { return ((SqlLiteral) number).toValue(); }
    )
}

String ManagementString() :
{
    final SqlNode literal;
}
{
    literal = StringLiteral() {
        return SqlLiteral.unchain(literal).getValueAs(String.class);
    }
}

Integer ManagementLimit() :
{
    final int value;
}
{
    value = UnsignedIntLiteral() { return value; }
}

/**
 * ALTER TABLE t ADD COLUMNS (name type, ...) | DROP COLUMN[S] name | (name, ...) | RENAME COLUMN a TO b | RENAME TO t2;
 * TRUNCATE TABLE t.
 */
SqlNode SqlAlterTableStatement() :
{
    final Span s;
    final SqlIdentifier name;
    SqlNodeList columns = SqlNodeList.EMPTY;
    SqlIdentifier column;
    SqlIdentifier newName = null;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlAlterTable.Action action;
}
{
    (
        <TRUNCATE> { s = span(); } <TABLE> name = CompoundIdentifier() {
            return new SqlAlterTable(s.end(this), SqlAlterTable.Action.TRUNCATE, name, SqlNodeList.EMPTY, null);
        }
    |
        <ALTER> { s = span(); } <TABLE> name = CompoundIdentifier()
        (
            <ADD> ( <COLUMNS> | <COLUMN> ) { action = SqlAlterTable.Action.ADD_COLUMNS; }
            (
                columns = SparkColumnDefinitions()
            |
                SparkColumnDefinition(list) { columns = new SqlNodeList(list, getPos()); }
            )
        |
            <DROP> ( <COLUMNS> | <COLUMN> ) { action = SqlAlterTable.Action.DROP_COLUMNS; }
            (
                columns = ParenthesizedSimpleIdentifierList()
            |
                column = SimpleIdentifier() { list.add(column); columns = new SqlNodeList(list, getPos()); }
            )
        |
            <RENAME>
            (
                <COLUMN> column = SimpleIdentifier() <TO> newName = SimpleIdentifier() {
                    action = SqlAlterTable.Action.RENAME_COLUMN;
                    list.add(column);
                    columns = new SqlNodeList(list, getPos());
                }
            |
                <TO> newName = CompoundIdentifier() { action = SqlAlterTable.Action.RENAME_TO; }
            )
        )
        {
            return new SqlAlterTable(s.end(this), action, name, columns, newName);
        }
    )
}

/**
 * Spark's time travel after a table name: VERSION AS OF a snapshot id (or a branch or tag name), TIMESTAMP AS OF a
 * point in time. Kept as a table reference with Sluice's hint, which the validator passes over and the translation
 * writes in each engine's words.
 */
SqlNode SparkTimeTravel(SqlNode tableRef) :
{
    final Span s;
    final String kind;
    final SqlNode value;
}
{
    (
        <VERSION> { s = span(); kind = "VERSION"; }
    |
        <TIMESTAMP> { s = span(); kind = "TIMESTAMP"; }
    )
    <AS> <OF>
    (
        value = NumericLiteral()
    |
        value = StringLiteral()
    )
    {
        return SparkTimeTravel.of(s.end(this), tableRef, kind, value);
    }
}

/**
 * Spark's sample of a table, before its alias: TABLESAMPLE (n PERCENT), (n ROWS) or (BUCKET x OUT OF y), then
 * optionally REPEATABLE (seed). Calcite's own TABLESAMPLE BERNOULLI (n) | SYSTEM (n), after the alias, stays as it is.
 */
SqlNode SparkTableSample(SqlNode tableRef) :
{
    final Span s;
    final SqlLiteral amount;
    SqlLiteral outOf = null;
    String kind;
    OptionalLong seed = OptionalLong.empty();
    final SqlLiteral seedLiteral;
}
{
    <TABLESAMPLE> { s = span(); } <LPAREN>
    (
        <BUCKET> amount = UnsignedNumericLiteral() <OUT> <OF> outOf = UnsignedNumericLiteral() { kind = "BUCKET"; }
    |
        amount = UnsignedNumericLiteral()
        (
            <PERCENT> { kind = "PERCENT"; }
        |
            <ROWS> { kind = "ROWS"; }
        )
    )
    <RPAREN>
    [
        <REPEATABLE> <LPAREN> seedLiteral = UnsignedNumericLiteral() <RPAREN> {
            seed = OptionalLong.of(seedLiteral.bigDecimalValue().longValueExact());
        }
    ]
    {
        switch (kind) {
        case "BUCKET":
            return SparkTableSample.bucket(s.end(this), tableRef, amount, outOf, seed);
        case "ROWS":
            return SparkTableSample.rows(s.end(this), tableRef, amount, seed);
        default:
            return SparkTableSample.percent(s.end(this), tableRef, amount, seed);
        }
    }
}

/** ANALYZE TABLE t COMPUTE STATISTICS [NOSCAN | FOR ALL COLUMNS | FOR COLUMNS a, b]. */
SqlNode SqlAnalyzeStatement() :
{
    final Span s;
    final SqlIdentifier name;
    SqlAnalyzeTable.Scope scope = SqlAnalyzeTable.Scope.TABLE;
    final List<SqlIdentifier> columns = new ArrayList<SqlIdentifier>();
    SqlIdentifier column;
}
{
    <ANALYZE> { s = span(); } <TABLE> name = CompoundIdentifier()
    <COMPUTE> <STATISTICS>
    [
        <NOSCAN> { scope = SqlAnalyzeTable.Scope.NOSCAN; }
    |
        <FOR>
        (
            <ALL> <COLUMNS> { scope = SqlAnalyzeTable.Scope.ALL_COLUMNS; }
        |
            <COLUMNS> { scope = SqlAnalyzeTable.Scope.COLUMNS; }
            column = SimpleIdentifier() { columns.add(column); }
            ( <COMMA> column = SimpleIdentifier() { columns.add(column); } )*
        )
    ]
    {
        return new SqlAnalyzeTable(s.end(this), name, scope, columns);
    }
}
