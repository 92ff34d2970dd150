package io.sluice.metastore;

/** The metadata store on its embedded default, H2 under {@code var/meta}. */
class TestMetastoreOnH2
        extends AbstractTestMetastore
{
    @Override
    protected MetastoreConfig newStore()
    {
        return TestingMetastores.h2();
    }
}
