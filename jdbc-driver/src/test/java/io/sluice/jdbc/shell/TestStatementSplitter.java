package io.sluice.jdbc.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestStatementSplitter
{
    @Test
    void semicolonsOutsideStringsNamesAndComments()
    {
        assertThat(StatementSplitter.split("SELECT 'a;b', \"c;\", `d;e` FROM t; -- x;\nSELECT /* ; */ 2;SELECT 'it\\'s;' ;  ;"))
                .containsExactly("SELECT 'a;b', \"c;\", `d;e` FROM t", "SELECT /* ; */ 2", "SELECT 'it\\'s;'");
        assertThat(StatementSplitter.split("SELECT 1")).containsExactly("SELECT 1");
    }

    @Test
    void statementsSpanLines()
    {
        StatementSplitter splitter = new StatementSplitter();
        assertThat(splitter.add("SELECT 'multi")).isEmpty();
        assertThat(splitter.isEmpty()).isFalse();
        assertThat(splitter.add("line;' AS s;")).isEqualTo(List.of("SELECT 'multi\nline;' AS s"));
        assertThat(splitter.isEmpty()).isTrue();
    }
}
