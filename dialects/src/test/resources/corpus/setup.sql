-- Tables every corpus query reads, written in Spark SQL. The same script runs on Spark (to record its answers)
-- and through Sluice on each engine, so it only uses arithmetic whose result is the same everywhere.

CREATE TABLE region AS
SELECT CAST(id AS INT) AS r_regionkey,
       CASE id WHEN 0 THEN 'AFRICA' WHEN 1 THEN 'AMERICA' WHEN 2 THEN 'ASIA' WHEN 3 THEN 'EUROPE' ELSE 'MIDDLE EAST' END AS r_name,
       concat('region comment ', CAST(id AS STRING)) AS r_comment
FROM range(5);

CREATE TABLE nation AS
SELECT n_nationkey, n_name, n_regionkey, concat('nation comment ', CAST(n_nationkey AS STRING)) AS n_comment
FROM VALUES (0, 'ALGERIA', 0), (1, 'ARGENTINA', 1), (2, 'BRAZIL', 1), (3, 'CANADA', 1), (4, 'EGYPT', 4),
            (5, 'ETHIOPIA', 0), (6, 'FRANCE', 3), (7, 'GERMANY', 3), (8, 'INDIA', 2), (9, 'INDONESIA', 2),
            (10, 'IRAN', 4), (11, 'IRAQ', 4), (12, 'JAPAN', 2), (13, 'JORDAN', 4), (14, 'KENYA', 0),
            (15, 'MOROCCO', 0), (16, 'MOZAMBIQUE', 0), (17, 'PERU', 1), (18, 'CHINA', 2), (19, 'ROMANIA', 3),
            (20, 'SAUDI ARABIA', 4), (21, 'VIETNAM', 2), (22, 'RUSSIA', 3), (23, 'UNITED KINGDOM', 3), (24, 'UNITED STATES', 1)
     AS t(n_nationkey, n_name, n_regionkey);

CREATE TABLE supplier AS
SELECT CAST(id + 1 AS BIGINT) AS s_suppkey,
       concat('Supplier#', lpad(CAST(id + 1 AS STRING), 9, '0')) AS s_name,
       concat('address ', CAST(id * 7 AS STRING)) AS s_address,
       CAST(id % 25 AS INT) AS s_nationkey,
       concat(CAST(10 + id % 25 AS STRING), '-', lpad(CAST(id * 37 % 1000 AS STRING), 3, '0'), '-555-0101') AS s_phone,
       CAST(CAST(id * 7919 % 1100000 - 100000 AS DECIMAL(15, 2)) / 100 AS DECIMAL(15, 2)) AS s_acctbal,
       CASE WHEN id % 7 = 3 THEN 'careful Customer requests Complaints' ELSE concat('supplier comment ', CAST(id AS STRING)) END AS s_comment
FROM range(20);

CREATE TABLE customer AS
SELECT CAST(id + 1 AS BIGINT) AS c_custkey,
       concat('Customer#', lpad(CAST(id + 1 AS STRING), 9, '0')) AS c_name,
       concat('street ', CAST(id * 3 AS STRING)) AS c_address,
       CAST(id % 25 AS INT) AS c_nationkey,
       concat(CAST(10 + id % 25 AS STRING), '-', lpad(CAST(id * 13 % 1000 AS STRING), 3, '0'), '-555-0199') AS c_phone,
       CAST(CAST(id * 7919 % 1100000 - 100000 AS DECIMAL(15, 2)) / 100 AS DECIMAL(15, 2)) AS c_acctbal,
       CASE id % 5 WHEN 0 THEN 'AUTOMOBILE' WHEN 1 THEN 'BUILDING' WHEN 2 THEN 'FURNITURE' WHEN 3 THEN 'HOUSEHOLD' ELSE 'MACHINERY' END AS c_mktsegment,
       concat('customer comment ', CAST(id AS STRING)) AS c_comment
FROM range(150);

CREATE TABLE part AS
SELECT CAST(id + 1 AS BIGINT) AS p_partkey,
       concat(CASE id % 7 WHEN 0 THEN 'green' WHEN 1 THEN 'blue' WHEN 2 THEN 'forest' WHEN 3 THEN 'red' WHEN 4 THEN 'ivory' WHEN 5 THEN 'lemon' ELSE 'azure' END,
              ' ', CASE id % 3 WHEN 0 THEN 'steel' WHEN 1 THEN 'linen' ELSE 'metallic' END) AS p_name,
       concat('Manufacturer#', CAST(id % 5 + 1 AS STRING)) AS p_mfgr,
       concat('Brand#', CAST(id % 5 + 1 AS STRING), CAST(id % 4 + 1 AS STRING)) AS p_brand,
       concat(CASE id % 6 WHEN 0 THEN 'STANDARD' WHEN 1 THEN 'SMALL' WHEN 2 THEN 'MEDIUM' WHEN 3 THEN 'LARGE' WHEN 4 THEN 'ECONOMY' ELSE 'PROMO' END,
              ' ', CASE id % 5 WHEN 0 THEN 'ANODIZED' WHEN 1 THEN 'BURNISHED' WHEN 2 THEN 'PLATED' WHEN 3 THEN 'POLISHED' ELSE 'BRUSHED' END,
              ' ', CASE (id DIV 5) % 5 WHEN 0 THEN 'TIN' WHEN 1 THEN 'NICKEL' WHEN 2 THEN 'BRASS' WHEN 3 THEN 'STEEL' ELSE 'COPPER' END) AS p_type,
       CAST(id % 50 + 1 AS INT) AS p_size,
       concat(CASE id % 5 WHEN 0 THEN 'SM' WHEN 1 THEN 'MED' WHEN 2 THEN 'LG' WHEN 3 THEN 'JUMBO' ELSE 'WRAP' END,
              ' ', CASE (id DIV 5) % 8 WHEN 0 THEN 'CASE' WHEN 1 THEN 'BOX' WHEN 2 THEN 'BAG' WHEN 3 THEN 'JAR' WHEN 4 THEN 'PKG' WHEN 5 THEN 'PACK' WHEN 6 THEN 'CAN' ELSE 'DRUM' END) AS p_container,
       CAST(CAST(90000 + id % 1000 * 100 + id % 100 AS DECIMAL(15, 2)) / 100 AS DECIMAL(15, 2)) AS p_retailprice,
       concat('part comment ', CAST(id AS STRING)) AS p_comment
FROM range(200);

CREATE TABLE partsupp AS
SELECT CAST(id % 200 + 1 AS BIGINT) AS ps_partkey,
       CAST((id % 200 + 1 + (id DIV 200) * 5) % 20 + 1 AS BIGINT) AS ps_suppkey,
       CAST(id * 37 % 9999 + 1 AS INT) AS ps_availqty,
       CAST(CAST(id * 13 % 100000 + 100 AS DECIMAL(15, 2)) / 100 AS DECIMAL(15, 2)) AS ps_supplycost,
       concat('partsupp comment ', CAST(id AS STRING)) AS ps_comment
FROM range(800);

CREATE TABLE orders AS
SELECT CAST(id + 1 AS BIGINT) AS o_orderkey,
       CAST(id * 7 % 100 + 1 AS BIGINT) AS o_custkey,
       CASE id % 3 WHEN 0 THEN 'O' WHEN 1 THEN 'F' ELSE 'P' END AS o_orderstatus,
       CAST(CAST(id * 7919 % 50000000 + 100000 AS DECIMAL(15, 2)) / 100 AS DECIMAL(15, 2)) AS o_totalprice,
       date_add(DATE '1992-01-01', CAST(id * 17 % 2400 AS INT)) AS o_orderdate,
       CASE id % 5 WHEN 0 THEN '1-URGENT' WHEN 1 THEN '2-HIGH' WHEN 2 THEN '3-MEDIUM' WHEN 3 THEN '4-NOT SPECIFIED' ELSE '5-LOW' END AS o_orderpriority,
       concat('Clerk#', lpad(CAST(id % 100 AS STRING), 9, '0')) AS o_clerk,
       CAST(0 AS INT) AS o_shippriority,
       CASE WHEN id % 13 = 0 THEN 'handle special requests carefully' ELSE concat('order comment ', CAST(id AS STRING)) END AS o_comment
FROM range(1500);

CREATE TABLE lineitem AS
SELECT CAST(id DIV 4 + 1 AS BIGINT) AS l_orderkey,
       CAST(id * 7 % 200 + 1 AS BIGINT) AS l_partkey,
       CAST((id * 7 % 200 + 1 + (id % 4) * 5) % 20 + 1 AS BIGINT) AS l_suppkey,
       CAST(id % 4 + 1 AS INT) AS l_linenumber,
       CAST(id % 50 + 1 AS DECIMAL(15, 2)) AS l_quantity,
       CAST((id % 50 + 1) * (900 + id * 7 % 200) AS DECIMAL(15, 2)) AS l_extendedprice,
       CAST(CAST(id % 11 AS DECIMAL(15, 2)) / 100 AS DECIMAL(15, 2)) AS l_discount,
       CAST(CAST(id % 9 AS DECIMAL(15, 2)) / 100 AS DECIMAL(15, 2)) AS l_tax,
       CASE id % 3 WHEN 0 THEN 'R' WHEN 1 THEN 'A' ELSE 'N' END AS l_returnflag,
       CASE WHEN id % 2 = 0 THEN 'O' ELSE 'F' END AS l_linestatus,
       date_add(DATE '1992-01-01', CAST((id DIV 4) * 17 % 2400 + id % 30 + 1 AS INT)) AS l_shipdate,
       date_add(DATE '1992-01-01', CAST((id DIV 4) * 17 % 2400 + 15 AS INT)) AS l_commitdate,
       date_add(DATE '1992-01-01', CAST((id DIV 4) * 17 % 2400 + id % 30 + 1 + id % 20 + 1 AS INT)) AS l_receiptdate,
       CASE id % 4 WHEN 0 THEN 'DELIVER IN PERSON' WHEN 1 THEN 'COLLECT COD' WHEN 2 THEN 'NONE' ELSE 'TAKE BACK RETURN' END AS l_shipinstruct,
       CASE id % 7 WHEN 0 THEN 'REG AIR' WHEN 1 THEN 'AIR' WHEN 2 THEN 'RAIL' WHEN 3 THEN 'SHIP' WHEN 4 THEN 'TRUCK' WHEN 5 THEN 'MAIL' ELSE 'FOB' END AS l_shipmode,
       concat('lineitem comment ', CAST(id AS STRING)) AS l_comment
FROM range(6000);

-- Scalars with NULLs, negatives and edge values.
CREATE TABLE nums AS
SELECT * FROM VALUES
  (1, 10, CAST(5 AS BIGINT), CAST(2.5 AS DOUBLE), CAST(12.345 AS DECIMAL(10, 3)), 'Apple', true, DATE '2020-01-31', TIMESTAMP '2020-01-31 10:11:12'),
  (2, -7, CAST(-3 AS BIGINT), CAST(-1.25 AS DOUBLE), CAST(-0.500 AS DECIMAL(10, 3)), 'banana split', false, DATE '2020-02-29', TIMESTAMP '2020-02-29 23:59:59'),
  (3, 0, CAST(0 AS BIGINT), CAST(0.0 AS DOUBLE), CAST(0 AS DECIMAL(10, 3)), '', NULL, DATE '2021-12-31', TIMESTAMP '2021-12-31 00:00:00'),
  (4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (5, 2147483647, CAST(9007199254740993 AS BIGINT), CAST(1e10 AS DOUBLE), CAST(9999999.999 AS DECIMAL(10, 3)), 'Zebra Crossing', true, DATE '1999-06-15', TIMESTAMP '1999-06-15 12:30:45'),
  (6, 3, CAST(7 AS BIGINT), CAST(3.75 AS DOUBLE), CAST(1.005 AS DECIMAL(10, 3)), 'apple', false, DATE '2024-03-01', TIMESTAMP '2024-03-01 08:00:00')
  AS t(id, i, l, d, dc, s, b, dt, ts);

-- Arrays, maps and structs.
CREATE TABLE nested AS
SELECT id,
       CASE id WHEN 1 THEN array(3, 1, 2) WHEN 2 THEN array(5, NULL, 5, 4) WHEN 3 THEN array() ELSE CAST(NULL AS ARRAY<INT>) END AS arr,
       CASE id WHEN 1 THEN array('b', 'a') WHEN 2 THEN array('x') ELSE array('p', 'q', 'r') END AS sarr,
       CASE id WHEN 1 THEN map('a', 1, 'b', 2) WHEN 2 THEN map('c', 3) ELSE map('d', 4, 'e', NULL) END AS m,
       named_struct('x', CAST(id AS INT), 'y', concat('s', CAST(id AS STRING))) AS st
FROM range(1, 5);
