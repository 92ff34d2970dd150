package io.sluice.distribution.echo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import io.sluice.spi.Column;
import io.sluice.spi.RowBatch;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineHealth;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.EngineStatement;
import io.sluice.spi.engine.SessionContext;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.metadata.EngineMetadata;
import io.sluice.spi.metadata.FunctionInfo;
import io.sluice.spi.metadata.NamePattern;
import io.sluice.spi.metadata.TableInfo;
import io.sluice.spi.type.SluiceType;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

final class EchoEngine
        implements Engine
{
    static final List<Column> COLUMNS = ImmutableList.of(new Column("guava", SluiceType.STRING), new Column("jackson", SluiceType.STRING),
            new Column("context_loader", SluiceType.STRING), new Column("statement", SluiceType.STRING));

    @Override
    public String name()
    {
        return "echo";
    }

    @Override
    public String version()
    {
        return "1";
    }

    @Override
    public String endpoint()
    {
        return "embedded";
    }

    @Override
    public String dialect()
    {
        return "duckdb";
    }

    @Override
    public EngineSession openSession(SessionContext context)
    {
        return new EngineSession()
        {
            @Override
            public EngineStatement createStatement(String sql)
            {
                return new EchoStatement(sql);
            }

            @Override
            public EngineMetadata metadata()
            {
                return new EngineMetadata()
                {
                    @Override
                    public List<String> listDatabases(NamePattern databasePattern)
                    {
                        return List.of("default");
                    }

                    @Override
                    public List<TableInfo> listTables(NamePattern databasePattern, NamePattern tablePattern)
                    {
                        return List.of();
                    }

                    @Override
                    public List<ColumnInfo> listColumns(NamePattern databasePattern, NamePattern tablePattern, NamePattern columnPattern)
                    {
                        return List.of();
                    }

                    @Override
                    public List<FunctionInfo> listFunctions(NamePattern functionPattern)
                    {
                        return List.of();
                    }
                };
            }

            @Override
            public void useDatabase(String database) {}

            @Override
            public void close() {}
        };
    }

    @Override
    public EngineHealth health()
    {
        return EngineHealth.up(0, 0);
    }

    @Override
    public void close() {}

    private static final class EchoStatement
            implements EngineStatement
    {
        private final String sql;
        private boolean fetched;

        EchoStatement(String sql)
        {
            this.sql = sql;
        }

        @Override
        public boolean execute()
        {
            return true;
        }

        @Override
        public List<Column> columns()
        {
            return COLUMNS;
        }

        @Override
        public long updateCount()
        {
            return -1;
        }

        @Override
        public Optional<RowBatch> nextBatch(int maxRows)
        {
            if (fetched) {
                return Optional.empty();
            }
            fetched = true;
            // The libraries are used, not only located: Guava's ImmutableList above, Jackson's ObjectMapper here.
            String statement;
            try {
                statement = new ObjectMapper().writeValueAsString(sql);
            }
            catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            Object[] row = {jar(ImmutableList.class), jar(ObjectMapper.class), String.valueOf(Thread.currentThread().getContextClassLoader()), statement};
            return Optional.of(RowBatch.ofRows(COLUMNS.size(), List.<Object[]>of(row)));
        }

        @Override
        public void cancel() {}

        @Override
        public void close() {}
    }

    private static String jar(Class<?> type)
    {
        String location = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
