package io.sluice.dialects.analyze;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestStatementFingerprint
{
    @Test
    void constantsCommentsCaseAndSpacingDoNotCount()
    {
        assertThat(StatementFingerprint.normalize("SELECT *  FROM t1 -- latest\nWHERE a = 'x''y' AND b IN (1, 2.5, -3e2) /*+ ENGINE(trino) */ LIMIT 10"))
                .isEqualTo("select * from t1 where a = ? and b in (?) limit ?");
        assertThat(StatementFingerprint.of("select sum(x) from lakehouse.s.t where day = '2026-01-01'"))
                .isEqualTo(StatementFingerprint.of("SELECT sum(x)\nFROM lakehouse.s.t WHERE day = '2026-12-31'"))
                .hasSize(32);
        assertThat(StatementFingerprint.of("SELECT a FROM t")).isNotEqualTo(StatementFingerprint.of("SELECT b FROM t"));
        assertThat(StatementFingerprint.of("SELECT * FROM t2")).isNotEqualTo(StatementFingerprint.of("SELECT * FROM t3"));
    }
}
