-- Arrays, maps, structs and higher-order functions.
SELECT array(1, 2, 3), array('a', NULL), array();
SELECT size(array(1, 2, 3)), size(array()), cardinality(array(1));
SELECT id, size(arr), size(m) FROM nested ORDER BY id;
SELECT element_at(array(10, 20, 30), 1), element_at(array(10, 20, 30), -1);
SELECT element_at(map('a', 1, 'b', 2), 'b');
SELECT array(10, 20, 30)[0], array(10, 20, 30)[2];
SELECT id, arr[0], sarr[1] FROM nested ORDER BY id;
SELECT id, m['a'], m['c'] FROM nested ORDER BY id;
SELECT id, st.x, st.y FROM nested ORDER BY id;
SELECT array_contains(array(1, 2, 3), 2), array_contains(array(1, 2, 3), 5);
SELECT id, array_contains(arr, 5) FROM nested ORDER BY id;
SELECT array_position(array(3, 1, 2), 1), array_position(array(3, 1, 2), 9);
SELECT sort_array(array(3, 1, 2)), sort_array(array(3, 1, 2), false);
SELECT sort_array(array('b', NULL, 'a')), sort_array(array(2, NULL, 1), false);
SELECT id, sort_array(arr) FROM nested ORDER BY id;
SELECT array_sort(array(3, NULL, 1, 2));
SELECT array_join(array('a', 'b', 'c'), '-'), array_join(array('a', NULL, 'c'), ',');
SELECT array_join(array('a', NULL, 'c'), ',', '?'), array_join(array(1, 2), '+');
SELECT array_distinct(array(1, 2, 2, 3, 1)), array_distinct(array(3, NULL, 3, NULL));
SELECT array_union(array(1, 2), array(2, 3)), array_intersect(array(1, 2, 3), array(3, 2));
SELECT array_except(array(1, 2, 3, 2), array(2));
SELECT array_max(array(1, 5, 3)), array_min(array(4, NULL, 2));
SELECT array_remove(array(1, 2, 1, 3), 1), array_remove(array('a', 'b'), 'z');
SELECT flatten(array(array(1, 2), array(3)));
SELECT slice(array(1, 2, 3, 4, 5), 2, 3), slice(array(1, 2, 3, 4), -2, 2);
SELECT sequence(1, 5), sequence(5, 1), sequence(0, 10, 5);
SELECT transform(array(1, 2, 3), x -> x * 10);
SELECT transform(array(1, 2, 3), (x, i) -> x + i);
SELECT filter(array(1, 2, 3, 4), x -> x % 2 = 0);
SELECT filter(array(5, 6, 7), (x, i) -> i > 0);
SELECT aggregate(array(1, 2, 3), 0, (acc, x) -> acc + x);
SELECT aggregate(array(1, 2, 3), 1, (acc, x) -> acc * x, acc -> acc * 10);
SELECT id, transform(arr, x -> x + 1) FROM nested ORDER BY id;
SELECT id, filter(sarr, s -> s <> 'a') FROM nested ORDER BY id;
SELECT map('a', 1, 'b', 2), map_keys(map('a', 1, 'b', 2)), map_values(map('a', 1, 'b', 2));
SELECT id, map_keys(m), map_values(m) FROM nested ORDER BY id;
SELECT map_from_arrays(array('x', 'y'), array(1, 2));
SELECT map_contains_key(map('a', 1), 'a'), map_contains_key(map('a', 1), 'z');
SELECT named_struct('a', 1, 'b', 'two');
SELECT named_struct('a', 1, 'b', named_struct('c', true)).b.c;
SELECT id, named_struct('k', id, 'v', upper(st.y)) FROM nested ORDER BY id;
SELECT struct(1, 'a');
SELECT explode(array(3, 1, 2)) ORDER BY 1;
SELECT id, x FROM nested LATERAL VIEW explode(arr) e AS x ORDER BY id, x;
SELECT id, p, x FROM nested LATERAL VIEW posexplode(sarr) e AS p, x ORDER BY id, p;
SELECT id, k, v FROM nested LATERAL VIEW explode(m) e AS k, v ORDER BY id, k;
SELECT id, x FROM nested LATERAL VIEW OUTER explode(arr) e AS x ORDER BY id, x;
SELECT id, count(x) FROM nested LATERAL VIEW explode(arr) e AS x GROUP BY id ORDER BY id;
SELECT to_json(named_struct('a', 1, 'b', 'x')), to_json(array(1, 2));
SELECT to_json(map('k', 'v'));
SELECT concat(array(1, 2), array(3));
SELECT reverse(array(1, 2, 3));
SELECT id, arr FROM nested WHERE size(arr) > 0 ORDER BY id;
-- Wrong answers found by checks against Spark (issue 16): a NULL element and no match is NULL; an empty array joins to ''.
SELECT array_contains(array(1, NULL, 1), 2), array_contains(array(1, NULL), 1), array_contains(array(1, 2), CAST(NULL AS INT));
SELECT id, array_contains(arr, 2) FROM nested ORDER BY id;
SELECT array_join(array(), ','), array_join(array('a', NULL), ',', '?'), array_join(array('x'), CAST(NULL AS STRING));
-- Generators in the select list (issue 16): CROSS JOIN UNNEST where the engine has no generators.
SELECT id, explode(arr) AS x FROM nested ORDER BY id, x;
-- Wrong answers the differential fuzzer found (issue 16): NULL arrays and NULL elements as Spark treats them.
SELECT id, flatten(array(arr, arr)), array_union(arr, CAST(NULL AS ARRAY<INT>)), array_position(arr, 5) FROM nested ORDER BY id;
SELECT id, array_intersect(arr, arr), array_except(arr, array(5)), array_except(arr, array(CAST(NULL AS INT))) FROM nested ORDER BY id;
-- Flink and Trino (issue 16): array set functions, slice, concat of arrays.
SELECT id, array_distinct(arr), array_union(arr, array(1, NULL)), array_intersect(arr, array(5, NULL, 1)), array_except(arr, array(4)), array_min(arr) FROM nested ORDER BY id;
SELECT id, slice(arr, 2, 2), slice(arr, -2, 5), slice(arr, 1, 0), slice(arr, 9, 1), concat(arr, array(7)) FROM nested ORDER BY id;
-- Wrong answers the differential fuzzer found (issue 16): Flink's ARRAY_SLICE(a, 1, 0) is [a[1]]; Spark's slice of length 0 is [].
SELECT id, slice(arr, 1, 0), slice(sarr, -2, 0), slice(sarr, 1, 1), slice(array('a', 'b'), -2, 0) FROM nested ORDER BY id;
-- Generators of several columns in a select list (issue 16).
SELECT id, posexplode(sarr) FROM nested ORDER BY id, pos;
SELECT posexplode_outer(arr) FROM nested WHERE id = 3;
