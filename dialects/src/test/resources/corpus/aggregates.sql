-- Aggregate functions.
SELECT count(*), count(i), count(DISTINCT s), count(1) FROM nums;
SELECT sum(i), avg(i), min(i), max(i) FROM nums;
SELECT avg(dc), avg(d), avg(l) FROM nums;
SELECT sum(DISTINCT i), avg(DISTINCT b_int) FROM (SELECT i, CASE WHEN b THEN 1 ELSE 0 END AS b_int FROM nums) t;
SELECT b, count(*), sum(i) FROM nums GROUP BY b ORDER BY b;
SELECT sort_array(collect_list(i)) FROM nums;
SELECT sort_array(collect_set(s)) FROM nums;
SELECT b, sort_array(collect_list(id)) FROM nums GROUP BY b ORDER BY b;
SELECT collect_list(i) FROM nums WHERE i IS NULL;
SELECT count_if(i > 0), count_if(i IS NULL) FROM nums;
SELECT bool_and(b), bool_or(b), every(i > -100) FROM nums;
SELECT variance(d), var_samp(d), var_pop(d) FROM nums;
SELECT stddev(d), stddev_samp(d), stddev_pop(d), std(i) FROM nums;
SELECT variance(i) FROM nums WHERE id = 1;
SELECT corr(i, d), covar_pop(i, d), covar_samp(i, d) FROM nums WHERE id <> 5;
SELECT percentile(i, 0.5), percentile(d, 0.25) FROM nums;
SELECT percentile(x, 0.9) FROM (SELECT id AS x FROM range(10)) t;
SELECT median(i) FROM nums;
SELECT approx_count_distinct(s) FROM nums;
SELECT percentile_approx(x, 0.5) FROM (SELECT id AS x FROM range(11)) t;
SELECT max_by(s, i), min_by(s, i) FROM nums;
SELECT count(*) FILTER (WHERE i > 0), sum(i) FILTER (WHERE b) FROM nums;
SELECT b, count(*) FROM nums GROUP BY b HAVING count(*) > 1 ORDER BY b;
SELECT count(*) FROM nums WHERE 1 = 0;
SELECT sum(i), max(s) FROM nums WHERE 1 = 0;
SELECT b, avg(i) AS a FROM nums GROUP BY b ORDER BY a;
SELECT mean(i) FROM nums;
SELECT l_returnflag, l_linestatus, count(*), sum(l_quantity), avg(l_discount) FROM lineitem GROUP BY l_returnflag, l_linestatus ORDER BY 1, 2;
SELECT o_orderpriority, count(DISTINCT o_custkey) FROM orders GROUP BY o_orderpriority ORDER BY 1;
SELECT sum(l_extendedprice * (1 - l_discount)) FROM lineitem;
SELECT avg(l_extendedprice), min(l_extendedprice), max(l_extendedprice) FROM lineitem WHERE l_shipmode = 'AIR';
SELECT c_mktsegment, sum(c_acctbal), avg(c_acctbal) FROM customer GROUP BY c_mktsegment ORDER BY 1;
SELECT count(*), count(DISTINCT l_orderkey), count(DISTINCT l_partkey, l_suppkey) FROM lineitem;
SELECT n_regionkey, sort_array(collect_list(n_name)) FROM nation GROUP BY n_regionkey ORDER BY 1;
SELECT first_value_check FROM (SELECT max(i) AS first_value_check FROM nums) t;
-- Wrong answers found by checks against Spark (issue 16): the variance family answers a DOUBLE for integers.
SELECT variance(i), var_samp(i), var_pop(i), stddev(i), std(i), stddev_samp(i), stddev_pop(i) FROM nums WHERE id < 5;
-- Wrong answers the differential fuzzer found (issue 16): percentiles of decimals are doubles, max_by keeps a NULL, corr of one row.
SELECT percentile(dc, 0.25), median(dc), max_by(i, CASE WHEN id = 4 THEN 100 ELSE id END), min_by(s, id) FROM nums;
SELECT id, corr(d, d) FROM nums GROUP BY id ORDER BY id;
-- Flink (issue 16): collect_list/collect_set on ARRAY_AGG (NULLs skipped, [] without rows, FILTER), booleans, percentiles.
SELECT b, sort_array(collect_list(i)), sort_array(collect_set(s)), size(collect_list(i) FILTER (WHERE i > 0)), sort_array(collect_set(i) FILTER (WHERE id > 2)) FROM nums GROUP BY b ORDER BY b;
SELECT sort_array(collect_list(i)), collect_set(s) FROM nums WHERE id > 100;
SELECT b, bool_and(i > 0), bool_or(i > 2), every(d >= 0), percentile(i, 0.25), median(l), approx_count_distinct(s) FROM nums GROUP BY b ORDER BY b;
-- first/last as aggregates (Calcite reads FIRST(...) as MATCH_RECOGNIZE's): deterministic with one value per group; the second argument skips NULLs.
SELECT id, first(i), first_value(s), any_value(d), first(i, true) FROM nums GROUP BY id ORDER BY id;
SELECT b, first(i, true), first(i) FILTER (WHERE id > 2) IGNORE NULLS, last(s, true) FROM (SELECT b, CASE WHEN id IN (3, 4) THEN i END AS i, CASE WHEN id = 4 THEN s END AS s, id FROM nums) x GROUP BY b ORDER BY b;
SELECT b, sort_array(collect_set(sha1(s))), size(collect_list('x')) FROM nums GROUP BY b ORDER BY b;
