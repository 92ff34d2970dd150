package io.sluice.engine.spark;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.EngineStatement;
import io.sluice.spi.metadata.EngineMetadata;
import org.apache.spark.sql.connect.SparkSession;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/** One Sluice session's Spark Connect session: its current database, settings and temporary views. */
final class SparkEngineSession
        implements EngineSession
{
    private final SparkEngine engine;
    private final SparkSession spark;
    private final Consumer<SparkEngineSession> onClose;
    private final Set<SparkStatement> statements = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    SparkEngineSession(SparkEngine engine, SparkSession spark, Consumer<SparkEngineSession> onClose)
    {
        this.engine = requireNonNull(engine, "engine is null");
        this.spark = requireNonNull(spark, "spark is null");
        this.onClose = requireNonNull(onClose, "onClose is null");
    }

    SparkSession spark()
    {
        return spark;
    }

    String remote()
    {
        return engine.remote();
    }

    @Override
    public EngineStatement createStatement(String sql)
    {
        if (closed) {
            throw new SluiceException(ErrorCode.INVALID_OPERATION_STATE, "The Spark session is closed");
        }
        SparkStatement statement = new SparkStatement(this, sql);
        statements.add(statement);
        return statement;
    }

    @Override
    public EngineMetadata metadata()
    {
        return new SparkMetadata(this);
    }

    @Override
    public void useDatabase(String database)
    {
        try {
            spark.catalog().setCurrentDatabase(database);
        }
        catch (Throwable e) {
            SluiceException error = SparkErrors.translate(e, remote());
            if (error.errorCode() == ErrorCode.ENGINE_UNAVAILABLE) {
                throw error;
            }
            throw new SluiceException(ErrorCode.DATABASE_NOT_FOUND, "Database '" + database + "' does not exist on spark (" + error.getMessage() + ")", e);
        }
    }

    void forget(SparkStatement statement)
    {
        statements.remove(statement);
    }

    int runningStatements()
    {
        return statements.stream().mapToInt(SparkStatement::running).sum();
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        for (SparkStatement statement : List.copyOf(statements)) {
            statement.close();
        }
        SparkEngine.closeQuietly(spark);
        onClose.accept(this);
    }
}
