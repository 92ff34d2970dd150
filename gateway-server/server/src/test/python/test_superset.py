"""Sluice as Apache Superset uses it: PyHive and SQLAlchemy over hive://, SQL Lab's asynchronous cursor, reflection,
chart queries compiled by PyHive's SQLAlchemy dialect, Superset's Hive time grains, SHOW PARTITIONS and SHOW CREATE VIEW.

Run by TestSupersetClients against a Sluice it started, on SLUICE_PORT (the binary Thrift port), with the local Spark
as an engine for partitioned tables. Expected values are HiveServer2's answers to the same statements.
"""
import os
import time
import unittest

from sqlalchemy import column, create_engine, func, inspect, select, table, types
from sqlalchemy.dialects import registry

registry.register("hive", "pyhive.sqlalchemy_hive", "HiveDialect")

from pyhive import exc, hive  # noqa: E402
from pyhive.sqlalchemy_hive import HiveDate, HiveDecimal, HiveTimestamp  # noqa: E402
from TCLIService import ttypes  # noqa: E402

PORT = int(os.environ["SLUICE_PORT"])

TERMINAL = (ttypes.TOperationState.FINISHED_STATE, ttypes.TOperationState.ERROR_STATE,
            ttypes.TOperationState.CANCELED_STATE, ttypes.TOperationState.CLOSED_STATE)

# Superset's HiveEngineSpec._time_grain_expressions, applied to 2024-02-29 13:45:17 (a Thursday), with Hive's answers.
TIME_GRAINS = {
    "PT1S": ("from_unixtime(unix_timestamp({col}), 'yyyy-MM-dd HH:mm:ss')", "2024-02-29 13:45:17"),
    "PT1M": ("from_unixtime(unix_timestamp({col}), 'yyyy-MM-dd HH:mm:00')", "2024-02-29 13:45:00"),
    "PT1H": ("from_unixtime(unix_timestamp({col}), 'yyyy-MM-dd HH:00:00')", "2024-02-29 13:00:00"),
    "P1D": ("from_unixtime(unix_timestamp({col}), 'yyyy-MM-dd 00:00:00')", "2024-02-29 00:00:00"),
    "P1W": ("date_format(date_sub({col}, CAST(7-from_unixtime(unix_timestamp({col}),'u') as int)), 'yyyy-MM-dd 00:00:00')",
            "2024-02-26 00:00:00"),
    "P1M": ("from_unixtime(unix_timestamp({col}), 'yyyy-MM-01 00:00:00')", "2024-02-01 00:00:00"),
    "P0.25Y": ("date_format(add_months(trunc({col}, 'MM'), -(month({col})-1)%3), 'yyyy-MM-dd 00:00:00')", "2024-01-01 00:00:00"),
    "P1Y": ("from_unixtime(unix_timestamp({col}), 'yyyy-01-01 00:00:00')", "2024-01-01 00:00:00"),
    "P1W/1970-01-03T00:00:00Z": ("date_format(date_add({col}, INT(6-from_unixtime(unix_timestamp({col}), 'u'))), 'yyyy-MM-dd 00:00:00')",
                                 "2024-03-02 00:00:00"),
    "1969-12-28T00:00:00Z/P1W": ("date_format(date_add({col}, -INT(from_unixtime(unix_timestamp({col}), 'u'))), 'yyyy-MM-dd 00:00:00')",
                                 "2024-02-25 00:00:00"),
}


def hive_engine(user="alice", configuration=None):
    connect_args = {"configuration": configuration} if configuration is not None else {}
    return create_engine("hive://%s@127.0.0.1:%d/default" % (user, PORT), connect_args=connect_args)


def wait(cursor):
    """SQL Lab's loop: poll and read the logs until the operation is done."""
    logs = []
    deadline = time.time() + 60
    status = cursor.poll()
    while status.operationState not in TERMINAL:
        logs += cursor.fetch_logs()
        if time.time() > deadline:
            raise AssertionError("still %s after 60 s" % status.operationState)
        time.sleep(0.05)
        status = cursor.poll()
    logs += cursor.fetch_logs()
    return status, logs


class SupersetTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        connection = hive.connect(host="127.0.0.1", port=PORT, username="alice")
        cursor = connection.cursor()
        for statement in [
                "CREATE DATABASE IF NOT EXISTS bi",
                "DROP VIEW IF EXISTS superset_recent",
                "DROP TABLE IF EXISTS superset_sales",
                "CREATE TABLE superset_sales (id INT, region STRING, amount DECIMAL(10,2), sold_at TIMESTAMP, sold_on DATE)",
                "INSERT INTO superset_sales VALUES (1, 'north', 12.50, TIMESTAMP '2024-02-29 13:45:17', DATE '2024-02-29'),"
                " (2, 'south', 7.25, TIMESTAMP '2024-03-01 00:00:00', DATE '2024-03-01'),"
                " (3, 'north', 30.00, TIMESTAMP '2024-03-02 08:00:00', DATE '2024-03-02')",
                "CREATE VIEW superset_recent AS SELECT id, amount FROM superset_sales WHERE amount > 10",
                "DROP TABLE IF EXISTS bi.orders",
                "CREATE TABLE bi.orders (order_id BIGINT, note STRING)"]:
            cursor.execute(statement)
        connection.close()

    def check_reflection(self, engine):
        inspector = inspect(engine)
        self.assertIn("default", inspector.get_schema_names())
        self.assertIn("bi", inspector.get_schema_names())
        tables = inspector.get_table_names()
        self.assertIn("superset_sales", tables)
        self.assertIn("superset_recent", tables)
        self.assertNotIn("default", tables)
        self.assertEqual(["orders"], inspector.get_table_names(schema="bi"))
        self.assertIn("superset_recent", inspector.get_view_names())
        columns = inspector.get_columns("superset_sales")
        self.assertEqual(["id", "region", "amount", "sold_at", "sold_on"], [c["name"] for c in columns])
        kinds = [type(c["type"]) for c in columns]
        self.assertEqual([types.Integer, types.String, HiveDecimal, HiveTimestamp, HiveDate], kinds)
        self.assertEqual(["order_id", "note"], [c["name"] for c in inspector.get_columns("orders", schema="bi")])
        self.assertEqual([], inspector.get_indexes("superset_sales"))
        with engine.connect() as connection:
            self.assertTrue(engine.dialect.has_table(connection, "superset_sales"))
            self.assertTrue(engine.dialect.has_table(connection, "orders", schema="bi"))
            # Hive's "Table not found" error, which PyHive turns into False.
            self.assertFalse(engine.dialect.has_table(connection, "no_such_table"))
            self.assertFalse(engine.dialect.has_table(connection, "no_such_table", schema="no_such_db"))

    def test_reflection_in_the_hive_dialect(self):
        self.check_reflection(hive_engine(configuration={"sluice.dialect": "hive"}))

    def test_reflection_with_the_users_session_defaults(self):
        # conf: session.defaults.user.superset.sluice.dialect=hive; the client sends nothing.
        self.check_reflection(hive_engine(user="superset"))

    def test_spark_dialect_keeps_spark_shapes(self):
        cursor = hive.connect(host="127.0.0.1", port=PORT, username="alice").cursor()
        cursor.execute("SHOW TABLES")
        self.assertEqual(["namespace", "tableName", "isTemporary"], [d[0] for d in cursor.description])
        self.assertIn(("default", "superset_sales", False), cursor.fetchall())

    def test_sql_lab_runs_a_query_asynchronously(self):
        cursor = hive.connect(host="127.0.0.1", port=PORT, username="superset").cursor()
        cursor.execute("SELECT region, sum(amount) AS total FROM superset_sales GROUP BY region ORDER BY region", async_=True)
        # Known when the statement is accepted, before it ran, as HiveServer2 answers.
        self.assertTrue(cursor._operationHandle.hasResultSet)
        status, logs = wait(cursor)
        self.assertEqual(ttypes.TOperationState.FINISHED_STATE, status.operationState)
        self.assertTrue(any("Routed to" in line for line in logs), logs)
        self.assertEqual(["region", "total"], [d[0] for d in cursor.description])
        from decimal import Decimal
        self.assertEqual([("north", Decimal("42.50"))], cursor.fetchmany(1))
        self.assertEqual([("south", Decimal("7.25"))], cursor.fetchmany(10))
        self.assertEqual([], cursor.fetchmany(10))

    def test_sql_lab_runs_ddl_asynchronously(self):
        cursor = hive.connect(host="127.0.0.1", port=PORT, username="superset").cursor()
        cursor.execute("CREATE TABLE IF NOT EXISTS superset_lab_ddl AS SELECT 1 AS one", async_=True)
        self.assertFalse(cursor._operationHandle.hasResultSet)
        status, _ = wait(cursor)
        self.assertEqual(ttypes.TOperationState.FINISHED_STATE, status.operationState)
        with self.assertRaises(exc.ProgrammingError):
            cursor.fetchall()
        cursor.execute("SELECT one FROM superset_lab_ddl")
        self.assertEqual([(1,)], cursor.fetchall())

    def test_sql_lab_reports_an_error(self):
        cursor = hive.connect(host="127.0.0.1", port=PORT, username="superset").cursor()
        cursor.execute("SELECT * FROM superset_missing_table", async_=True)
        status, _ = wait(cursor)
        self.assertEqual(ttypes.TOperationState.ERROR_STATE, status.operationState)
        self.assertIn("superset_missing_table", status.errorMessage)
        self.assertEqual("42P01", status.sqlState)
        # The session keeps working.
        cursor.execute("SELECT count(*) FROM superset_sales")
        self.assertEqual([(3,)], cursor.fetchall())

    def test_chart_query_compiled_by_pyhive(self):
        engine = hive_engine(user="superset")
        sales = table("superset_sales", column("region"), column("amount"), column("sold_at"))
        total = func.sum(sales.c.amount).label("total")
        query = (select(sales.c.region, total)
                 .where(sales.c.sold_at >= func.to_date("2024-03-01"))
                 .group_by(sales.c.region)
                 .order_by(total.desc())
                 .limit(10))
        with engine.connect() as connection:
            rows = connection.execute(query).fetchall()
        self.assertEqual([("north", 30), ("south", 7.25)], [(r[0], float(r[1])) for r in rows])

    def test_time_grains(self):
        cursor = hive.connect(host="127.0.0.1", port=PORT, username="superset").cursor()
        for column_name in ["sold_at", "sold_on"]:
            for grain, (expression, expected) in TIME_GRAINS.items():
                if column_name == "sold_on" and expected.endswith(("13:45:17", "13:45:00", "13:00:00")):
                    expected = "2024-02-29 00:00:00"
                with self.subTest(grain=grain, column=column_name):
                    cursor.execute("SELECT %s AS grain FROM superset_sales WHERE id = 1" % expression.format(col=column_name))
                    self.assertEqual([(expected,)], cursor.fetchall())

    def test_show_functions(self):
        cursor = hive.connect(host="127.0.0.1", port=PORT, username="superset").cursor()
        cursor.execute("SHOW FUNCTIONS")
        # Superset reads the column tab_name for SQL Lab's completion.
        self.assertEqual(["tab_name"], [d[0] for d in cursor.description])
        self.assertIn(("date_format",), cursor.fetchall())

    def test_show_create_view(self):
        cursor = hive.connect(host="127.0.0.1", port=PORT, username="superset").cursor()
        cursor.execute("SHOW CREATE VIEW superset_recent")
        self.assertEqual(["createtab_stmt"], [d[0] for d in cursor.description])
        text = "\n".join(row[0] for row in cursor.fetchall())
        self.assertTrue(text.startswith("CREATE VIEW `default`.`superset_recent` AS SELECT"), text)
        self.assertIn("superset_sales", text)
        with self.assertRaises(exc.OperationalError) as failure:
            cursor.execute("SHOW CREATE VIEW superset_sales")
        self.assertIn("is a table, not a view", str(failure.exception))

    def test_describe_formatted_and_show_columns(self):
        cursor = hive.connect(host="127.0.0.1", port=PORT, username="superset").cursor()
        cursor.execute("DESCRIBE FORMATTED default.superset_sales")
        rows = cursor.fetchall()
        self.assertEqual(("# col_name", "data_type", "comment"), rows[0])
        self.assertEqual(("id", "int", ""), rows[1])
        self.assertIn(("Table Type:", "MANAGED_TABLE", None), rows)
        cursor.execute("SHOW COLUMNS IN superset_sales")
        self.assertEqual(["field"], [d[0] for d in cursor.description])
        self.assertEqual([("id",), ("region",), ("amount",), ("sold_at",), ("sold_on",)], cursor.fetchall())
        cursor.execute("SHOW PARTITIONS superset_sales", async_=True)
        status, _ = wait(cursor)
        self.assertEqual(ttypes.TOperationState.ERROR_STATE, status.operationState)
        self.assertIn("not partitioned", status.errorMessage)


    def test_show_partitions_on_a_partitioned_table(self):
        # A name of its own per run: Spark's in-memory catalog forgets tables across restarts, its warehouse does not.
        name = "superset_events_%d" % int(time.time() * 1000)
        connection = hive.connect(host="127.0.0.1", port=PORT, username="superset", configuration={"sluice.engine": "spark"})
        cursor = connection.cursor()
        cursor.execute("CREATE TABLE %s (id INT, ds STRING, hr INT) USING parquet PARTITIONED BY (ds, hr)" % name)
        cursor.execute("INSERT INTO %s VALUES (1, '2024-01-01', 1), (2, '2024-01-01', 2), (3, '2024-01-02', 1)" % name)
        cursor.execute("SHOW PARTITIONS %s" % name)
        self.assertEqual(["partition"], [d[0] for d in cursor.description])
        self.assertEqual([("ds=2024-01-01/hr=1",), ("ds=2024-01-01/hr=2",), ("ds=2024-01-02/hr=1",)], cursor.fetchall())
        cursor.execute("SHOW PARTITIONS default.%s PARTITION (ds = '2024-01-02')" % name)
        self.assertEqual([("ds=2024-01-02/hr=1",)], cursor.fetchall())
        # What PyHive's get_indexes reads: the partition columns after # Partition Information.
        engine = hive_engine(user="superset", configuration={"sluice.engine": "spark"})
        self.assertEqual([{"name": "partition", "column_names": ["ds", "hr"], "unique": False}],
                         inspect(engine).get_indexes(name))
        self.assertEqual(["id", "ds", "hr"], [c["name"] for c in inspect(engine).get_columns(name)])
        cursor.execute("DROP TABLE %s" % name)


if __name__ == "__main__":
    unittest.main()
