package io.sluice.catalog.iceberg;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryInputTransport;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Whether a Parquet file's schema carries Iceberg field ids, read from its footer: the file ends with the footer
 * (Thrift compact {@code FileMetaData}), its length (4 bytes, little endian) and {@code PAR1}; the schema is the
 * footer's field 2, a list of {@code SchemaElement}s whose field 9 is the field id. Only the schema is read.
 */
final class ParquetFieldIds
{
    private static final int FILE_METADATA_SCHEMA = 2;
    private static final int SCHEMA_ELEMENT_FIELD_ID = 9;
    private static final int MAX_FOOTER_BYTES = 256 * 1024 * 1024;

    private ParquetFieldIds() {}

    /** Whether any column of the file has a field id; fails with IOException when the file is not Parquet. */
    static boolean hasFieldIds(File file)
            throws IOException
    {
        byte[] footer;
        try (RandomAccessFile input = new RandomAccessFile(file, "r")) {
            long length = input.length();
            if (length < 12) {
                throw new IOException("Not a Parquet file (" + length + " bytes): " + file);
            }
            byte[] tail = new byte[8];
            input.seek(length - 8);
            input.readFully(tail);
            if (!new String(tail, 4, 4, StandardCharsets.US_ASCII).equals("PAR1")) {
                throw new IOException("Not a Parquet file (no PAR1 at its end): " + file);
            }
            int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (footerLength <= 0 || footerLength > MAX_FOOTER_BYTES || footerLength > length - 12) {
                throw new IOException("Parquet footer of " + footerLength + " bytes does not fit the file: " + file);
            }
            footer = new byte[footerLength];
            input.seek(length - 8 - footerLength);
            input.readFully(footer);
        }
        try {
            TProtocol protocol = new TCompactProtocol(new TMemoryInputTransport(footer));
            protocol.readStructBegin();
            while (true) {
                TField field = protocol.readFieldBegin();
                if (field.type == TType.STOP) {
                    throw new IOException("Parquet footer without a schema: " + file);
                }
                if (field.id != FILE_METADATA_SCHEMA || field.type != TType.LIST) {
                    TProtocolUtil.skip(protocol, field.type);
                    continue;
                }
                TList elements = protocol.readListBegin();
                boolean found = false;
                for (int i = 0; i < elements.size; i++) {
                    found |= elementHasFieldId(protocol);
                }
                return found;
            }
        }
        catch (TException e) {
            throw new IOException("Unreadable Parquet footer in " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean elementHasFieldId(TProtocol protocol)
            throws TException
    {
        boolean found = false;
        protocol.readStructBegin();
        while (true) {
            TField field = protocol.readFieldBegin();
            if (field.type == TType.STOP) {
                break;
            }
            if (field.id == SCHEMA_ELEMENT_FIELD_ID && field.type == TType.I32) {
                protocol.readI32();
                found = true;
            }
            else {
                TProtocolUtil.skip(protocol, field.type);
            }
            protocol.readFieldEnd();
        }
        protocol.readStructEnd();
        return found;
    }
}
