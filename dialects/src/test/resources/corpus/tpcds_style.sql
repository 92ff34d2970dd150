-- TPC-DS-style analytical queries over the TPC-H tables: CTEs, ROLLUP, ranking, year-over-year, conditional sums.
WITH yearly AS (SELECT year(o_orderdate) AS y, sum(o_totalprice) AS total FROM orders GROUP BY year(o_orderdate))
SELECT cur.y, cur.total, prev.total, cur.total - prev.total AS growth FROM yearly cur LEFT JOIN yearly prev ON cur.y = prev.y + 1 ORDER BY cur.y;
WITH ranked AS (SELECT c_nationkey, c_custkey, c_acctbal, rank() OVER (PARTITION BY c_nationkey ORDER BY c_acctbal DESC, c_custkey) AS rk FROM customer)
SELECT c_nationkey, c_custkey, c_acctbal FROM ranked WHERE rk <= 2 ORDER BY c_nationkey, rk;
SELECT r_name, n_name, sum(o_totalprice) AS total FROM orders JOIN customer ON o_custkey = c_custkey JOIN nation ON c_nationkey = n_nationkey JOIN region ON n_regionkey = r_regionkey GROUP BY ROLLUP(r_name, n_name) ORDER BY r_name, n_name;
SELECT o_orderpriority, sum(CASE WHEN o_orderstatus = 'F' THEN 1 ELSE 0 END) AS finished, sum(CASE WHEN o_orderstatus = 'O' THEN 1 ELSE 0 END) AS open_orders FROM orders GROUP BY o_orderpriority ORDER BY o_orderpriority;
SELECT quarter(o_orderdate) AS q, count(*) AS orders_count, avg(o_totalprice) AS avg_price FROM orders WHERE year(o_orderdate) = 1995 GROUP BY quarter(o_orderdate) ORDER BY q;
SELECT p_brand, sum(l_extendedprice) AS sales, rank() OVER (ORDER BY sum(l_extendedprice) DESC, p_brand) AS rk FROM lineitem JOIN part ON l_partkey = p_partkey GROUP BY p_brand ORDER BY rk LIMIT 5;
SELECT c_mktsegment, count(DISTINCT o_custkey) AS buyers, sum(o_totalprice) / count(DISTINCT o_custkey) AS per_buyer FROM orders JOIN customer ON o_custkey = c_custkey GROUP BY c_mktsegment ORDER BY c_mktsegment;
WITH monthly AS (SELECT date_trunc('MONTH', o_orderdate) AS m, count(*) AS n FROM orders WHERE year(o_orderdate) = 1996 GROUP BY date_trunc('MONTH', o_orderdate))
SELECT m, n, sum(n) OVER (ORDER BY m) AS running FROM monthly ORDER BY m;
SELECT l_shipmode, avg(datediff(l_receiptdate, l_shipdate)) AS avg_transit, max(datediff(l_receiptdate, l_shipdate)) AS max_transit FROM lineitem GROUP BY l_shipmode ORDER BY l_shipmode;
SELECT s_name, count(*) AS late FROM lineitem JOIN supplier ON l_suppkey = s_suppkey WHERE l_receiptdate > l_commitdate GROUP BY s_name HAVING count(*) > 100 ORDER BY late DESC, s_name;
SELECT substr(c_phone, 1, 2) AS prefix, count(*) AS n, sum(c_acctbal) AS bal FROM customer GROUP BY substr(c_phone, 1, 2) ORDER BY prefix;
SELECT o_custkey, count(*) AS n, min(o_orderdate) AS first_order, max(o_orderdate) AS last_order FROM orders GROUP BY o_custkey HAVING count(*) >= 15 ORDER BY n DESC, o_custkey LIMIT 10;
SELECT p_type, avg(ps_supplycost) AS avg_cost FROM part JOIN partsupp ON p_partkey = ps_partkey WHERE p_type LIKE 'STANDARD%' GROUP BY p_type ORDER BY avg_cost DESC, p_type;
WITH sales AS (SELECT l_partkey, sum(l_quantity) AS qty FROM lineitem GROUP BY l_partkey)
SELECT p_mfgr, count(*) AS parts, sum(qty) AS qty FROM sales JOIN part ON l_partkey = p_partkey GROUP BY p_mfgr ORDER BY p_mfgr;
SELECT n_name, count(DISTINCT s_suppkey) AS suppliers, count(DISTINCT c_custkey) AS customers FROM nation LEFT JOIN supplier ON s_nationkey = n_nationkey LEFT JOIN customer ON c_nationkey = n_nationkey GROUP BY n_name ORDER BY n_name;
SELECT year(l_shipdate) AS y, l_returnflag, sum(l_quantity) AS qty, grouping(l_returnflag) AS g FROM lineitem GROUP BY CUBE(year(l_shipdate), l_returnflag) ORDER BY y, l_returnflag;
SELECT o_orderkey, o_totalprice, ntile(4) OVER (ORDER BY o_totalprice, o_orderkey) AS quartile FROM orders WHERE o_custkey = 7 ORDER BY o_orderkey;
SELECT c_custkey, o_orderkey, o_orderdate, datediff(o_orderdate, lag(o_orderdate) OVER (PARTITION BY c_custkey ORDER BY o_orderdate, o_orderkey)) AS gap FROM customer JOIN orders ON c_custkey = o_custkey WHERE c_custkey = 8 ORDER BY o_orderdate, o_orderkey;
SELECT l_linestatus, percentile(CAST(l_quantity AS DOUBLE), 0.5) AS med_qty, stddev(l_extendedprice) AS sd FROM lineitem GROUP BY l_linestatus ORDER BY l_linestatus;
SELECT c_mktsegment, sort_array(collect_set(c_nationkey % 5)) AS groups FROM customer GROUP BY c_mktsegment ORDER BY c_mktsegment;
SELECT r_name, count(*) AS nations, concat_ws(',', sort_array(collect_list(n_name))) AS names FROM region JOIN nation ON r_regionkey = n_regionkey GROUP BY r_name ORDER BY r_name;
WITH big AS (SELECT o_orderkey FROM orders WHERE o_totalprice > 200000)
SELECT count(*) AS lines, sum(l_extendedprice) AS total FROM lineitem WHERE l_orderkey IN (SELECT o_orderkey FROM big);
SELECT CASE WHEN c_acctbal < 0 THEN 'negative' WHEN c_acctbal < 5000 THEN 'low' ELSE 'high' END AS band, count(*) AS n FROM customer GROUP BY CASE WHEN c_acctbal < 0 THEN 'negative' WHEN c_acctbal < 5000 THEN 'low' ELSE 'high' END ORDER BY band;
SELECT year(o_orderdate) AS y, month(o_orderdate) AS mo, count(*) AS n FROM orders WHERE o_orderdate >= DATE '1997-06-01' AND o_orderdate < DATE '1997-09-01' GROUP BY year(o_orderdate), month(o_orderdate) ORDER BY y, mo;
SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS charge FROM lineitem GROUP BY l_orderkey ORDER BY charge DESC, l_orderkey LIMIT 5;
