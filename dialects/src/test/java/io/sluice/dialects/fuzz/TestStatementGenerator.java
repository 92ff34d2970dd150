package io.sluice.dialects.fuzz;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator is deterministic per seed, covers every shape and writes Spark SQL that Sluice's parser reads. */
class TestStatementGenerator
{
    @Test
    void sameSeedSameStatements()
    {
        List<String> first = new StatementGenerator(7, 6).statements(300).stream().map(FuzzStatement::sql).toList();
        List<String> second = new StatementGenerator(7, 6).statements(300).stream().map(FuzzStatement::sql).toList();
        List<String> other = new StatementGenerator(8, 6).statements(300).stream().map(FuzzStatement::sql).toList();
        assertThat(first).isEqualTo(second).isNotEqualTo(other);
    }

    @Test
    void casesAndShapes()
    {
        List<FuzzStatement> statements = new StatementGenerator(11, 6).statements(2000);
        assertThat(statements.stream().mapToInt(FuzzStatement::cases).sum()).isEqualTo(2000);
        Set<FuzzStatement.Shape> shapes = new TreeSet<>();
        statements.forEach(statement -> shapes.add(statement.shape()));
        assertThat(shapes).containsExactlyInAnyOrder(FuzzStatement.Shape.values());
    }

    @Test
    void everyStatementParses()
    {
        List<String> unparsed = new ArrayList<>();
        for (FuzzStatement statement : new StatementGenerator(20261203L, 6).statements(2000)) {
            try {
                Transpiler.parse(statement.sql(), Dialect.SPARK);
            }
            catch (RuntimeException e) {
                unparsed.add(statement.sql() + " -- " + e.getMessage().split("\n")[0]);
            }
        }
        assertThat(unparsed).isEmpty();
    }
}
