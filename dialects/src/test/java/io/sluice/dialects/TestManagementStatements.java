package io.sluice.dialects;

import io.sluice.dialects.ast.SqlAccessControl;
import io.sluice.dialects.ast.SqlCreateSchedule;
import io.sluice.dialects.ast.SqlDescribeObject;
import io.sluice.dialects.ast.SqlManagement;
import io.sluice.dialects.ast.SqlManagement.Noun;
import io.sluice.dialects.ast.SqlManagement.Verb;
import io.sluice.dialects.ast.SqlSubmitJob;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Sluice's job, schedule, cluster, storage and group statements, as the parser reads them. */
class TestManagementStatements
{
    @Test
    void submitStatementJob()
    {
        String sql = "SUBMIT JOB nightly ON CLUSTER dev USING ENGINE Trino AS\n  INSERT INTO t SELECT * FROM s WHERE `x` = 'a;b' -- the filter\n";
        SqlSubmitJob job = (SqlSubmitJob) parse(sql);
        assertThat(job.name()).isEqualTo("nightly");
        assertThat(job.cluster()).contains("dev");
        assertThat(job.engine()).contains("trino");
        assertThat(job.statement().orElseThrow()).isInstanceOf(SqlInsert.class);
        // The job runs the statement's text as written, comments and quoting kept.
        assertThat(job.statementText(sql)).contains("INSERT INTO t SELECT * FROM s WHERE `x` = 'a;b' -- the filter");
        assertThat(job.mainClass()).isEmpty();

        SqlSubmitJob bare = (SqlSubmitJob) parse("SUBMIT JOB q AS SELECT 1");
        assertThat(bare.cluster()).isEmpty();
        assertThat(bare.engine()).isEmpty();
        assertThat(bare.statement().orElseThrow().getKind()).isEqualTo(SqlKind.SELECT);
        assertThat(bare.statementText("SUBMIT JOB q AS SELECT 1")).contains("SELECT 1");
    }

    @Test
    void submitApplicationJob()
    {
        SqlSubmitJob job = (SqlSubmitJob) parse("SUBMIT JOB pi ON CLUSTER local CLASS 'org.example.Pi' JAR '/tmp/pi.jar' ARGS ('10', 'it\\'s') "
                + "CONF (spark.executor.memory = '1g', 'spark.sql.shuffle.partitions' = 4, spark.dynamicAllocation.enabled = TRUE)");
        assertThat(job.statement()).isEmpty();
        assertThat(job.mainClass()).contains("org.example.Pi");
        assertThat(job.jar()).contains("/tmp/pi.jar");
        assertThat(job.arguments()).containsExactly("10", "it's");
        assertThat(job.conf()).containsExactly(entry("spark.executor.memory", "1g"), entry("spark.sql.shuffle.partitions", "4"),
                entry("spark.dynamicAllocation.enabled", "true"));
        assertThat(((SqlSubmitJob) parse("SUBMIT JOB pi CLASS 'Pi' JAR 'pi.jar'")).arguments()).isEmpty();
    }

    @Test
    void jobCommands()
    {
        SqlManagement show = (SqlManagement) parse("SHOW JOBS LIKE 'night*' LIMIT 5");
        assertThat(show.verb()).isEqualTo(Verb.SHOW);
        assertThat(show.noun()).isEqualTo(Noun.JOB);
        assertThat(show.pattern()).contains("night*");
        assertThat(show.limit()).hasValue(5);
        assertThat(((SqlManagement) parse("SHOW JOBS")).limit()).isEmpty();
        assertThat(((SqlManagement) parse("SHOW SCHEDULES")).getOperator().getName()).isEqualTo("SHOW SCHEDULES");
        assertThat(((SqlManagement) parse("SHOW JOB LOGS j")).getOperator().getName()).isEqualTo("SHOW JOB LOGS");
        assertThat(((SqlManagement) parse("CANCEL JOB j")).getOperator().getName()).isEqualTo("CANCEL JOB");

        SqlManagement describe = (SqlManagement) parse("DESCRIBE JOB job_abc123");
        assertThat(describe.verb()).isEqualTo(Verb.DESCRIBE);
        assertThat(describe.name()).contains("job_abc123");
        assertThat(((SqlManagement) parse("DESC JOB 'job_abc123'")).name()).contains("job_abc123");
        assertThat(((SqlManagement) parse("CANCEL JOB job_abc123")).verb()).isEqualTo(Verb.CANCEL);
        assertThat(((SqlManagement) parse("CANCEL JOB 42")).name()).contains("42");
        SqlManagement logs = (SqlManagement) parse("SHOW JOB LOGS 'job_abc123' LIMIT 100");
        assertThat(logs.verb()).isEqualTo(Verb.SHOW_LOGS);
        assertThat(logs.name()).contains("job_abc123");
        assertThat(logs.limit()).hasValue(100);

        // A table named job is still described as a table.
        assertThat(parse("DESCRIBE job")).isInstanceOf(SqlDescribeObject.class);
        assertThat(parse("DESCRIBE TABLE job")).isInstanceOf(SqlDescribeObject.class);
        // Every new word stays a name.
        assertThat(parse("SELECT job, jobs, cluster, schedule, storage, engine, cron, conf FROM jobs").getKind()).isEqualTo(SqlKind.SELECT);
    }

    @Test
    void tokensAndAudit()
    {
        SqlManagement create = (SqlManagement) parse("CREATE TOKEN ci EXPIRES '2027-01-01 00:00:00'");
        assertThat(create.verb()).isEqualTo(Verb.CREATE);
        assertThat(create.noun()).isEqualTo(Noun.TOKEN);
        assertThat(create.name()).contains("ci");
        assertThat(create.properties()).containsExactly(entry("expires", "2027-01-01 00:00:00"));
        assertThat(((SqlManagement) parse("create token ci")).properties()).isEmpty();
        assertThat(((SqlManagement) parse("CREATE TOKEN dash ROLES (analyst, 'read-only')")).properties()).containsExactly(entry("roles", "analyst,read-only"));
        assertThat(((SqlManagement) parse("SHOW TOKENS")).getOperator().getName()).isEqualTo("SHOW TOKENS");
        SqlManagement drop = (SqlManagement) parse("DROP TOKEN IF EXISTS ci");
        assertThat(drop.noun()).isEqualTo(Noun.TOKEN);
        assertThat(drop.ifExists()).isTrue();
        SqlManagement audit = (SqlManagement) parse("SHOW AUDIT 'alice' LIMIT 10");
        assertThat(audit.noun()).isEqualTo(Noun.AUDIT);
        assertThat(audit.pattern()).contains("alice");
        assertThat(audit.limit()).hasValue(10);
        // The new words stay names.
        assertThat(parse("SELECT token, tokens, audit, expires FROM token").getKind()).isEqualTo(SqlKind.SELECT);
        assertThat(parse("CREATE TABLE token (audit INT)").getKind()).isEqualTo(SqlKind.CREATE_TABLE);
    }

    @Test
    void accessControl()
    {
        SqlAccessControl grant = (SqlAccessControl) parse("GRANT SELECT, insert ON TABLE lakehouse.sales.orders TO ROLE analyst");
        assertThat(grant.verb()).isEqualTo(SqlAccessControl.Verb.GRANT);
        assertThat(grant.privileges()).containsExactly("SELECT", "INSERT");
        assertThat(grant.objectType()).contains(SqlAccessControl.ObjectType.TABLE);
        assertThat(grant.object()).containsExactly("lakehouse", "sales", "orders");
        assertThat(grant.principal()).contains("analyst");
        assertThat(((SqlAccessControl) parse("GRANT ALL PRIVILEGES ON CATALOG lakehouse TO ROLE r")).object()).containsExactly("lakehouse");
        assertThat(((SqlAccessControl) parse("GRANT ALL ON CATALOG lakehouse TO ROLE r")).objectType()).contains(SqlAccessControl.ObjectType.CATALOG);
        SqlAccessControl database = (SqlAccessControl) parse("REVOKE DROP ON DATABASE sales FROM ROLE r");
        assertThat(database.verb()).isEqualTo(SqlAccessControl.Verb.REVOKE);
        assertThat(database.objectType()).contains(SqlAccessControl.ObjectType.DATABASE);
        // A table may be named catalog.
        assertThat(((SqlAccessControl) parse("GRANT SELECT ON catalog TO ROLE r")).objectType()).contains(SqlAccessControl.ObjectType.TABLE);
        SqlAccessControl member = (SqlAccessControl) parse("GRANT ROLE analyst TO GROUP 'data-team'");
        assertThat(member.verb()).isEqualTo(SqlAccessControl.Verb.GRANT_ROLE);
        assertThat(member.name()).contains("analyst");
        assertThat(member.principalType()).contains(SqlAccessControl.PrincipalType.GROUP);
        assertThat(member.principal()).contains("data-team");
        assertThat(((SqlAccessControl) parse("REVOKE ROLE analyst FROM USER bob")).verb()).isEqualTo(SqlAccessControl.Verb.REVOKE_ROLE);
        assertThat(((SqlAccessControl) parse("CREATE ROLE analyst")).verb()).isEqualTo(SqlAccessControl.Verb.CREATE_ROLE);
        assertThat(((SqlAccessControl) parse("DROP ROLE IF EXISTS analyst")).ifExists()).isTrue();
        assertThat(((SqlAccessControl) parse("SHOW ROLES")).verb()).isEqualTo(SqlAccessControl.Verb.SHOW_ROLES);
        assertThat(((SqlAccessControl) parse("SHOW GRANTS FOR USER alice")).principalType()).contains(SqlAccessControl.PrincipalType.USER);
        assertThat(((SqlAccessControl) parse("SHOW GRANTS")).principal()).isEmpty();
        String filterSql = "CREATE ROW FILTER eu_only ON TABLE sales.orders FOR ROLE analyst AS region = 'EU' AND amount < 100";
        SqlAccessControl filter = (SqlAccessControl) parse(filterSql);
        assertThat(filter.verb()).isEqualTo(SqlAccessControl.Verb.CREATE_ROW_FILTER);
        assertThat(filter.object()).containsExactly("sales", "orders");
        assertThat(filter.expressionText(filterSql)).contains("region = 'EU' AND amount < 100");
        String maskSql = "CREATE COLUMN MASK hide_email ON orders COLUMN email FOR ROLE analyst AS concat('***', substr(email, -4))";
        SqlAccessControl mask = (SqlAccessControl) parse(maskSql);
        assertThat(mask.column()).contains("email");
        assertThat(mask.expressionText(maskSql)).contains("concat('***', substr(email, -4))");
        assertThat(((SqlAccessControl) parse("DROP COLUMN MASK hide_email")).verb()).isEqualTo(SqlAccessControl.Verb.DROP_COLUMN_MASK);
        assertThat(((SqlAccessControl) parse("SHOW ROW FILTERS")).verb()).isEqualTo(SqlAccessControl.Verb.SHOW_ROW_FILTERS);
        assertThat(((SqlAccessControl) parse("SHOW COLUMN MASKS")).verb()).isEqualTo(SqlAccessControl.Verb.SHOW_COLUMN_MASKS);
        assertThat(parse("SELECT roles, grants, filters, mask, masks FROM roles").getKind()).isEqualTo(SqlKind.SELECT);
        assertThat(parse("DROP TABLE roles").getKind()).isEqualTo(SqlKind.DROP_TABLE);
        assertThatThrownBy(() -> parse("GRANT FLY ON TABLE t TO ROLE r")).isInstanceOf(SluiceException.class);
    }

    @Test
    void schedules()
    {
        String sql = "CREATE SCHEDULE hourly CRON '0 * * * *' TIMEZONE 'Europe/Warsaw' STARTS '2026-01-01 00:00:00' ENDS '2027-01-01 00:00:00' "
                + "AS SUBMIT JOB refresh USING ENGINE duckdb AS SELECT count(*) FROM t";
        SqlCreateSchedule schedule = (SqlCreateSchedule) parse(sql);
        assertThat(schedule.name()).isEqualTo("hourly");
        assertThat(schedule.cron()).isEqualTo("0 * * * *");
        assertThat(schedule.timeZone()).contains("Europe/Warsaw");
        assertThat(schedule.starts()).contains("2026-01-01 00:00:00");
        assertThat(schedule.ends()).contains("2027-01-01 00:00:00");
        assertThat(schedule.job().name()).isEqualTo("refresh");
        assertThat(schedule.jobText(sql)).isEqualTo("SUBMIT JOB refresh USING ENGINE duckdb AS SELECT count(*) FROM t");
        assertThat(((SqlCreateSchedule) parse("CREATE SCHEDULE s CRON '*/5 * * * * *' AS SUBMIT JOB j AS SELECT 1")).timeZone()).isEmpty();

        for (String verb : new String[] {"PAUSE", "RESUME", "DROP"}) {
            SqlManagement command = (SqlManagement) parse(verb + " SCHEDULE hourly");
            assertThat(command.verb()).isEqualTo(Verb.valueOf(verb));
            assertThat(command.noun()).isEqualTo(Noun.SCHEDULE);
            assertThat(command.name()).contains("hourly");
        }
        assertThat(((SqlManagement) parse("DROP SCHEDULE IF EXISTS hourly")).ifExists()).isTrue();
        assertThat(((SqlManagement) parse("SHOW SCHEDULES")).noun()).isEqualTo(Noun.SCHEDULE);
    }

    @Test
    void clustersStoragesGroups()
    {
        SqlManagement cluster = (SqlManagement) parse("CREATE CLUSTER k8s TYPE kubernetes WITH (master = 'k8s://https://api:6443', 'namespace' = 'spark', executors = 2)");
        assertThat(cluster.verb()).isEqualTo(Verb.CREATE);
        assertThat(cluster.noun()).isEqualTo(Noun.CLUSTER);
        assertThat(cluster.type()).contains("KUBERNETES");
        assertThat(cluster.properties()).containsExactly(entry("master", "k8s://https://api:6443"), entry("namespace", "spark"), entry("executors", "2"));
        assertThat(((SqlManagement) parse("CREATE CLUSTER dev TYPE LOCAL")).properties()).isEmpty();
        SqlManagement alter = (SqlManagement) parse("ALTER CLUSTER dev SET (storages = 'lake')");
        assertThat(alter.verb()).isEqualTo(Verb.ALTER);
        assertThat(alter.properties()).containsExactly(entry("storages", "lake"));
        assertThat(((SqlManagement) parse("DROP CLUSTER dev")).noun()).isEqualTo(Noun.CLUSTER);
        assertThat(((SqlManagement) parse("SHOW CLUSTERS")).noun()).isEqualTo(Noun.CLUSTER);

        SqlManagement storage = (SqlManagement) parse("CREATE STORAGE lake TYPE S3 WITH (endpoint = 'http://minio:9000', access.key = 'a', secret.key = 's')");
        assertThat(storage.noun()).isEqualTo(Noun.STORAGE);
        assertThat(storage.type()).contains("S3");
        assertThat(storage.properties()).containsKeys("endpoint", "access.key", "secret.key");
        assertThat(((SqlManagement) parse("SHOW STORAGES")).noun()).isEqualTo(Noun.STORAGE);

        SqlManagement group = (SqlManagement) parse("CREATE GROUP analysts USING ENGINE Spark WITH (spark.sql.shuffle.partitions = '8')");
        assertThat(group.noun()).isEqualTo(Noun.GROUP);
        assertThat(group.engine()).contains("spark");
        assertThat(((SqlManagement) parse("SHOW GROUPS")).noun()).isEqualTo(Noun.GROUP);
        assertThat(((SqlManagement) parse("DROP GROUP analysts")).noun()).isEqualTo(Noun.GROUP);
    }

    @Test
    void badInput()
    {
        assertThatThrownBy(() -> parse("SUBMIT JOB AS SELECT 1")).isInstanceOf(SluiceException.class)
                .satisfies(e -> assertThat(((SluiceException) e).errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR));
        assertThatThrownBy(() -> parse("SUBMIT JOB j AS SELEC 1")).hasMessageContaining("Syntax error");
        assertThatThrownBy(() -> parse("CREATE SCHEDULE s CRON '* * * * *' AS SELECT 1")).hasMessageContaining("Syntax error");
        assertThatThrownBy(() -> parse("CREATE CLUSTER c TYPE LOCAL WITH (a = '1', a = '2')")).hasMessageContaining("The property 'a' is set twice");
        assertThatThrownBy(() -> parse("CANCEL JOB")).hasMessageContaining("unexpected end of statement");
    }

    private static SqlNode parse(String sql)
    {
        return Transpiler.parse(sql, Dialect.SPARK);
    }
}
