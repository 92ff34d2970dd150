-- Window functions and frames.
SELECT id, row_number() OVER (ORDER BY id) FROM nums ORDER BY id;
SELECT id, i, rank() OVER (ORDER BY i), dense_rank() OVER (ORDER BY i) FROM nums ORDER BY id;
SELECT id, i, rank() OVER (ORDER BY i DESC) FROM nums ORDER BY id;
SELECT id, b, row_number() OVER (PARTITION BY b ORDER BY id DESC) FROM nums ORDER BY id;
SELECT id, percent_rank() OVER (ORDER BY id), cume_dist() OVER (ORDER BY id) FROM nums ORDER BY id;
SELECT id, ntile(3) OVER (ORDER BY id) FROM nums ORDER BY id;
SELECT id, ntile(4) OVER (ORDER BY id DESC) FROM nums ORDER BY id;
SELECT id, lag(i) OVER (ORDER BY id), lead(i) OVER (ORDER BY id) FROM nums ORDER BY id;
SELECT id, lag(i, 2, -1) OVER (ORDER BY id), lead(i, 1, 0) OVER (ORDER BY id) FROM nums ORDER BY id;
SELECT id, sum(i) OVER (ORDER BY id) FROM nums ORDER BY id;
SELECT id, sum(i) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM nums ORDER BY id;
SELECT id, avg(d) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM nums ORDER BY id;
SELECT id, count(*) OVER (PARTITION BY b) FROM nums ORDER BY id;
SELECT id, max(i) OVER (PARTITION BY b ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM nums ORDER BY id;
SELECT id, min(i) OVER () FROM nums ORDER BY id;
SELECT id, first_value(i) OVER (ORDER BY id), last_value(i) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM nums ORDER BY id;
SELECT id, i, sum(i) OVER (ORDER BY i RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM nums ORDER BY id;
SELECT id, i, rank() OVER (ORDER BY i NULLS LAST) FROM nums ORDER BY id;
SELECT id, i, row_number() OVER (ORDER BY i DESC NULLS FIRST) FROM nums ORDER BY id;
SELECT n_regionkey, n_name, rank() OVER (PARTITION BY n_regionkey ORDER BY n_name) AS r FROM nation ORDER BY n_regionkey, r;
SELECT * FROM (SELECT n_regionkey, n_name, row_number() OVER (PARTITION BY n_regionkey ORDER BY n_nationkey DESC) AS r FROM nation) t WHERE r = 1 ORDER BY n_regionkey;
SELECT o_custkey, o_orderkey, sum(o_totalprice) OVER (PARTITION BY o_custkey ORDER BY o_orderkey) FROM orders WHERE o_custkey <= 3 ORDER BY o_custkey, o_orderkey;
SELECT o_orderkey, lag(o_orderdate) OVER (ORDER BY o_orderkey) FROM orders WHERE o_orderkey <= 10 ORDER BY o_orderkey;
SELECT l_orderkey, l_linenumber, dense_rank() OVER (PARTITION BY l_orderkey ORDER BY l_quantity DESC) FROM lineitem WHERE l_orderkey <= 5 ORDER BY 1, 2;
SELECT c_nationkey, count(*), rank() OVER (ORDER BY count(*) DESC, c_nationkey) FROM customer GROUP BY c_nationkey ORDER BY c_nationkey;
SELECT id, i - lag(i) OVER (ORDER BY id) AS delta FROM nums ORDER BY id;
SELECT id, sum(i) OVER w, max(i) OVER w FROM nums WINDOW w AS (ORDER BY id) ORDER BY id;
SELECT id, ntile(2) OVER (PARTITION BY b ORDER BY id) FROM nums ORDER BY id;
SELECT s_nationkey, s_suppkey, percent_rank() OVER (PARTITION BY s_nationkey ORDER BY s_acctbal) FROM supplier ORDER BY 1, 2;
SELECT id, count(i) OVER (ORDER BY id ROWS 2 PRECEDING) FROM nums ORDER BY id;
-- Flink (issue 16): lag/lead with a default, first_value/last_value keeping a NULL at the first or last row.
SELECT id, lag(i, 1, -1) OVER (ORDER BY id), lead(s, 2, 'none') OVER (ORDER BY id), lag(d, 3, 0.5) OVER (ORDER BY id) FROM nums ORDER BY id;
SELECT id, lag(i, 2, i) OVER (PARTITION BY b ORDER BY id), lead(i, 1, 0) OVER (PARTITION BY b ORDER BY id) FROM nums ORDER BY id;
-- Flink's planner fails on lag/lead next to a window function over another window: refused there.
SELECT id, lag(i) OVER (ORDER BY id), sum(i) OVER (PARTITION BY b ORDER BY id) FROM nums ORDER BY id;
SELECT id, first_value(i) OVER (ORDER BY id DESC), last_value(i) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), first_value(s) OVER (PARTITION BY b ORDER BY id) FROM nums ORDER BY id;
-- first/last over a window are first_value/last_value.
SELECT id, first(i) OVER (ORDER BY id DESC), last(s) OVER (PARTITION BY b ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM nums ORDER BY id;
-- Flink's FIRST_VALUE/LAST_VALUE take no CHAR (sha1's result), DATE or TIMESTAMP.
SELECT id, last_value(sha1(s)) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), first_value(ts) OVER (ORDER BY id), last_value(dt) OVER (ORDER BY id) FROM nums ORDER BY id;
