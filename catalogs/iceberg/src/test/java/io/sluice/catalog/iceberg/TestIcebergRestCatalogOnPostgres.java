package io.sluice.catalog.iceberg;

import io.sluice.metastore.MetastoreConfig;
import io.sluice.metastore.TestingMetastores;

/** The lakehouse catalog on a PostgreSQL metadata store. */
class TestIcebergRestCatalogOnPostgres
        extends AbstractTestIcebergRestCatalog
{
    @Override
    protected MetastoreConfig newStore()
    {
        return TestingMetastores.postgres();
    }
}
