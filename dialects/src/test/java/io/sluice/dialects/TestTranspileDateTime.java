package io.sluice.dialects;

import org.junit.jupiter.api.Test;

import static io.sluice.dialects.testing.Transpilation.spark;

/** Date and time functions: Java patterns, Spark weekday numbering, DATE results. */
class TestTranspileDateTime
{
    @Test
    void dateAddAndSub()
    {
        spark("SELECT date_add(dt, 1), date_sub(dt, 2) FROM t")
                .toDuckDb("SELECT ((CAST(\"t\".\"dt\" AS DATE) + CAST(1 AS INTEGER))), ((CAST(\"t\".\"dt\" AS DATE) - CAST(2 AS INTEGER))) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT date_add('day', 1, CAST(\"t\".\"dt\" AS DATE)), date_add('day', -(2), CAST(\"t\".\"dt\" AS DATE)) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT date_add(`t`.`dt`, 1), date_sub(`t`.`dt`, 2) FROM `default`.`t` `t`")
                .toFlink("SELECT CAST(TIMESTAMPADD(DAY, 1, CAST(`t`.`dt` AS DATE)) AS DATE), CAST(TIMESTAMPADD(DAY, -(2), CAST(`t`.`dt` AS DATE)) AS DATE) FROM `default`.`t` AS `t`");
    }

    @Test
    void dayOfYear()
    {
        spark("SELECT extract(DOY FROM dt), dayofyear(dt) FROM t")
                .toTrino("SELECT day_of_year(\"t\".\"dt\"), day_of_year(CAST(\"t\".\"dt\" AS TIMESTAMP(6))) FROM \"default\".\"t\" AS \"t\"");
    }

    @Test
    void datediffCastsBothSides()
    {
        spark("SELECT datediff(dt, DATE '2020-01-01') FROM t")
                .toDuckDb("SELECT date_diff('day', CAST(DATE '2020-01-01' AS DATE), CAST(\"t\".\"dt\" AS DATE)) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT date_diff('day', CAST(DATE '2020-01-01' AS DATE), CAST(\"t\".\"dt\" AS DATE)) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT datediff(`t`.`dt`, DATE '2020-01-01') FROM `default`.`t` `t`")
                .toFlink("SELECT TIMESTAMPDIFF(DAY, CAST(CAST(DATE '2020-01-01' AS DATE) AS TIMESTAMP), CAST(CAST(`t`.`dt` AS DATE) AS TIMESTAMP)) FROM `default`.`t` AS `t`");
    }

    @Test
    void addMonthsAndLastDay()
    {
        spark("SELECT add_months(dt, 1), last_day(dt) FROM t")
                .toDuckDb("SELECT CAST(CAST(\"t\".\"dt\" AS DATE) + to_months(CAST(1 AS INTEGER)) AS DATE), last_day(CAST(\"t\".\"dt\" AS DATE)) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT date_add('month', 1, CAST(\"t\".\"dt\" AS DATE)), last_day_of_month(CAST(\"t\".\"dt\" AS DATE)) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT add_months(`t`.`dt`, 1), last_day(`t`.`dt`) FROM `default`.`t` `t`")
                .toFlink("SELECT CAST(TIMESTAMPADD(MONTH, 1, CAST(`t`.`dt` AS DATE)) AS DATE), CAST(TIMESTAMPADD(DAY, -1, TIMESTAMPADD(MONTH, 1, TIMESTAMPADD(DAY, 1 - DAYOFMONTH(CAST(`t`.`dt` AS DATE)), CAST(`t`.`dt` AS DATE)))) AS DATE) FROM `default`.`t` AS `t`");
    }

    @Test
    void dateFormatPatternConverted()
    {
        spark("SELECT date_format(ts, 'yyyy-MM-dd HH:mm') FROM t")
                .toDuckDb("SELECT strftime(CAST(\"t\".\"ts\" AS TIMESTAMP), '%Y-%m-%d %H:%M') FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT format_datetime(CAST(\"t\".\"ts\" AS TIMESTAMP(6)), 'yyyy-MM-dd HH:mm') FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT date_format(`t`.`ts`, 'yyyy-MM-dd HH:mm') FROM `default`.`t` `t`")
                .toFlink("SELECT DATE_FORMAT(CAST(`t`.`ts` AS TIMESTAMP(6)), 'yyyy-MM-dd HH:mm') FROM `default`.`t` AS `t`");
    }

    @Test
    void dateFormatPatternWithoutEquivalentIsRefused()
    {
        spark("SELECT date_format(ts, 'yyyy QQ') FROM t")
                .refusedIn(Dialect.DUCKDB, "Not supported in duckdb: date_format() (datetime pattern 'yyyy QQ' has the pattern letters 'QQ')")
                .toTrino("SELECT format_datetime(CAST(\"t\".\"ts\" AS TIMESTAMP(6)), 'yyyy QQ') FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT date_format(`t`.`ts`, 'yyyy QQ') FROM `default`.`t` `t`")
                .toFlink("SELECT DATE_FORMAT(CAST(`t`.`ts` AS TIMESTAMP(6)), 'yyyy QQ') FROM `default`.`t` AS `t`");
    }

    @Test
    void toDateWithPattern()
    {
        spark("SELECT to_date('07/05/2020', 'dd/MM/yyyy') FROM t")
                .toDuckDb("SELECT CAST(strptime('07/05/2020', '%d/%m/%Y') AS DATE) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT CAST(parse_datetime('07/05/2020', 'dd/MM/yyyy') AS DATE) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT to_date('07/05/2020', 'dd/MM/yyyy') FROM `default`.`t` `t`")
                .toFlink("SELECT to_date('07/05/2020', 'dd/MM/yyyy') FROM `default`.`t` AS `t`");
    }

    @Test
    void dayOfWeekNumbering()
    {
        spark("SELECT dayofweek(dt), weekofyear(dt) FROM t")
                .toDuckDb("SELECT ((dayofweek(CAST(\"t\".\"dt\" AS TIMESTAMP)) + 1)), weekofyear(CAST(\"t\".\"dt\" AS TIMESTAMP)) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT ((day_of_week(CAST(\"t\".\"dt\" AS TIMESTAMP(6))) % 7 + 1)), week_of_year(CAST(\"t\".\"dt\" AS TIMESTAMP(6))) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT dayofweek(`t`.`dt`), weekofyear(`t`.`dt`) FROM `default`.`t` `t`")
                .toFlink("SELECT DAYOFWEEK(CAST(`t`.`dt` AS DATE)), WEEK(CAST(`t`.`dt` AS TIMESTAMP(6))) FROM `default`.`t` AS `t`");
    }

    @Test
    void truncAndDateTrunc()
    {
        spark("SELECT trunc(dt, 'MM'), date_trunc('HOUR', ts) FROM t")
                .toDuckDb("SELECT CAST(date_trunc('month', CAST(\"t\".\"dt\" AS DATE)) AS DATE), CAST(date_trunc('hour', CAST(\"t\".\"ts\" AS TIMESTAMP)) AS TIMESTAMP) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT date_trunc('month', CAST(\"t\".\"dt\" AS DATE)), date_trunc('hour', CAST(\"t\".\"ts\" AS TIMESTAMP(6))) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT trunc(`t`.`dt`, 'MM'), date_trunc('HOUR', `t`.`ts`) FROM `default`.`t` `t`")
                .toFlink("SELECT CAST(FLOOR(CAST(`t`.`dt` AS TIMESTAMP(6)) TO MONTH) AS DATE), FLOOR(CAST(`t`.`ts` AS TIMESTAMP(6)) TO HOUR) FROM `default`.`t` AS `t`");
        // Spark's weeks start on Monday.
        spark("SELECT date_trunc('WEEK', ts) FROM t")
                .refusedIn(Dialect.FLINK, "Not supported in flink: date_trunc() (truncating to a week)");
    }

    @Test
    void unixTimeConversions()
    {
        spark("SELECT from_unixtime(0), unix_timestamp('2020-01-01 00:00:00') FROM t")
                .toDuckDb("SELECT strftime(epoch_ms(CAST(0 AS BIGINT) * 1000), '%Y-%m-%d %H:%M:%S'), CAST(floor(epoch(strptime('2020-01-01 00:00:00', '%Y-%m-%d %H:%M:%S'))) AS BIGINT) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT format_datetime(from_unixtime(0) AT TIME ZONE 'UTC', 'yyyy-MM-dd HH:mm:ss'), CAST(floor(to_unixtime(parse_datetime('2020-01-01 00:00:00', 'yyyy-MM-dd HH:mm:ss'))) AS BIGINT) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT from_unixtime(0), unix_timestamp('2020-01-01 00:00:00') FROM `default`.`t` `t`")
                .refusedIn(Dialect.FLINK, "Not supported in flink: unix_timestamp()");
    }

    @Test
    void intervalArithmetic()
    {
        spark("SELECT dt + INTERVAL 1 DAY, ts - INTERVAL 2 HOURS FROM t")
                .toDuckDb("SELECT CAST(\"t\".\"dt\" + (INTERVAL 1 DAY) AS DATE), \"t\".\"ts\" - (INTERVAL 2 HOUR) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT \"t\".\"dt\" + INTERVAL '1' DAY, \"t\".\"ts\" - INTERVAL '2' HOUR FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT `t`.`dt` + (INTERVAL 1 DAY), `t`.`ts` - (INTERVAL 2 HOUR) FROM `default`.`t` `t`")
                .toFlink("SELECT `t`.`dt` + INTERVAL '1' DAY, `t`.`ts` - INTERVAL '2' HOUR FROM `default`.`t` AS `t`");
    }

    @Test
    void fieldsAndExtract()
    {
        spark("SELECT year(dt), hour(ts), extract(DOW FROM dt) FROM t")
                .toDuckDb("SELECT year(CAST(\"t\".\"dt\" AS TIMESTAMP)), hour(CAST(\"t\".\"ts\" AS TIMESTAMP)), ((dayofweek(CAST(\"t\".\"dt\" AS TIMESTAMP)) + 1)) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT year(CAST(\"t\".\"dt\" AS TIMESTAMP(6))), hour(CAST(\"t\".\"ts\" AS TIMESTAMP(6))), ((day_of_week(CAST(\"t\".\"dt\" AS TIMESTAMP(6))) % 7 + 1)) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT year(`t`.`dt`), hour(`t`.`ts`), EXTRACT(DOW FROM `t`.`dt`) FROM `default`.`t` `t`")
                .refusedIn(Dialect.FLINK, "Not supported in flink: extract() (DOW)");
    }
}
