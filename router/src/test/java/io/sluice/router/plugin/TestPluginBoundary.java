package io.sluice.router.plugin;

import io.sluice.spi.Column;
import io.sluice.spi.RowBatch;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineHealth;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.EngineStatement;
import io.sluice.spi.engine.SessionContext;
import io.sluice.spi.metadata.EngineMetadata;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPluginBoundary
{
    @Test
    void callsRunWithThePluginsContextClassLoaderAndReturnedSpiObjectsAreWrapped()
            throws Exception
    {
        AtomicReference<ClassLoader> seen = new AtomicReference<>();
        try (URLClassLoader pluginLoader = new URLClassLoader(new URL[0])) {
            Engine engine = new RecordingEngine(seen);
            // Only objects of the plugin's loader are wrapped: here the "plugin" is this class's loader.
            Engine wrapped = PluginBoundary.wrap(Engine.class, engine, RecordingEngine.class.getClassLoader());
            assertThat(Proxy.isProxyClass(wrapped.getClass())).isTrue();
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(pluginLoader);
            try {
                assertThat(wrapped.name()).isEqualTo("recording");
                assertThat(seen.get()).isSameAs(RecordingEngine.class.getClassLoader());
                EngineSession session = wrapped.openSession(new SessionContext("alice", "default"));
                assertThat(Proxy.isProxyClass(session.getClass())).isTrue();
                seen.set(null);
                // A default method of the SPI, run on the plugin's object, also crosses the boundary.
                assertThat(session.queryRows("SELECT 1")).hasSize(1);
                assertThat(seen.get()).isSameAs(RecordingEngine.class.getClassLoader());
                assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(pluginLoader);
                // The plugin's exceptions pass through as they were thrown.
                assertThatThrownBy(() -> session.useDatabase("missing")).isInstanceOf(IllegalArgumentException.class).hasMessage("no database missing");
                assertThat(wrapped).isEqualTo(wrapped).isNotEqualTo(engine);
            }
            finally {
                Thread.currentThread().setContextClassLoader(before);
            }
            // What is not the plugin's is not wrapped.
            assertThat(PluginBoundary.wrap(Engine.class, engine, pluginLoader)).isSameAs(engine);
        }
    }

    private record RecordingEngine(AtomicReference<ClassLoader> seen)
            implements Engine
    {
        private void record()
        {
            seen.set(Thread.currentThread().getContextClassLoader());
        }

        @Override
        public String name()
        {
            record();
            return "recording";
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
        public EngineSession openSession(SessionContext context)
        {
            return new EngineSession()
            {
                @Override
                public EngineStatement createStatement(String sql)
                {
                    record();
                    return new EngineStatement()
                    {
                        private boolean done;

                        @Override
                        public boolean execute()
                        {
                            return true;
                        }

                        @Override
                        public List<Column> columns()
                        {
                            return List.of();
                        }

                        @Override
                        public long updateCount()
                        {
                            return -1;
                        }

                        @Override
                        public Optional<RowBatch> nextBatch(int maxRows)
                        {
                            if (done) {
                                return Optional.empty();
                            }
                            done = true;
                            return Optional.of(RowBatch.ofRows(1, List.<Object[]>of(new Object[] {1})));
                        }

                        @Override
                        public void cancel() {}

                        @Override
                        public void close() {}
                    };
                }

                @Override
                public EngineMetadata metadata()
                {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void useDatabase(String database)
                {
                    throw new IllegalArgumentException("no database " + database);
                }

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
    }
}
