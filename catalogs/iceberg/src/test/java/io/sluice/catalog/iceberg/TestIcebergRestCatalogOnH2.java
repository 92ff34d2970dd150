package io.sluice.catalog.iceberg;

import io.sluice.metastore.MetastoreConfig;
import io.sluice.metastore.TestingMetastores;

/** The lakehouse catalog on the embedded metadata store. */
class TestIcebergRestCatalogOnH2
        extends AbstractTestIcebergRestCatalog
{
    @Override
    protected MetastoreConfig newStore()
    {
        return TestingMetastores.h2();
    }
}
