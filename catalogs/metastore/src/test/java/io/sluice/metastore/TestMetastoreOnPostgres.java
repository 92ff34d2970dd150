package io.sluice.metastore;

/** The metadata store on PostgreSQL, as production and several Sluice instances run it. */
class TestMetastoreOnPostgres
        extends AbstractTestMetastore
{
    @Override
    protected MetastoreConfig newStore()
    {
        return TestingMetastores.postgres();
    }
}
