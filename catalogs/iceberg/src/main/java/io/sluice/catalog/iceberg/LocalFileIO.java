package io.sluice.catalog.iceberg;

import org.apache.iceberg.Files;
import org.apache.iceberg.exceptions.RuntimeIOException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;

import java.io.File;
import java.io.IOException;

import static java.util.Objects.requireNonNull;

/**
 * Iceberg files on the local file system, without Hadoop: {@code file:/path} and plain paths. Locations are kept as
 * written, so that the metadata the engines read names {@code file:} URIs they resolve themselves.
 */
public final class LocalFileIO
        implements FileIO
{
    @Override
    public InputFile newInputFile(String location)
    {
        return new LocalInput(location, Files.localInput(file(location)));
    }

    @Override
    public OutputFile newOutputFile(String location)
    {
        return new LocalOutput(location, Files.localOutput(file(location)));
    }

    @Override
    public void deleteFile(String location)
    {
        try {
            java.nio.file.Files.deleteIfExists(file(location).toPath());
        }
        catch (IOException e) {
            throw new RuntimeIOException(e, "Failed to delete file: %s", location);
        }
    }

    /** The local file of a location: {@code file:/path}, {@code file:///path}, {@code file://localhost/path} or a path. */
    public static File file(String location)
    {
        requireNonNull(location, "location is null");
        String path = location;
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
            if (path.startsWith("//")) {
                int slash = path.indexOf('/', 2);
                String host = slash < 0 ? path.substring(2) : path.substring(2, slash);
                if (!host.isEmpty() && !host.equals("localhost")) {
                    throw new IllegalArgumentException("Not a local file location: " + location);
                }
                path = slash < 0 ? "/" : path.substring(slash);
            }
        }
        else if (path.contains("://")) {
            throw new IllegalArgumentException("Not a local file location: " + location);
        }
        return new File(path);
    }

    private record LocalInput(String location, InputFile file)
            implements InputFile
    {
        @Override
        public long getLength()
        {
            return file.getLength();
        }

        @Override
        public SeekableInputStream newStream()
        {
            return file.newStream();
        }

        @Override
        public boolean exists()
        {
            return file.exists();
        }
    }

    private record LocalOutput(String location, OutputFile file)
            implements OutputFile
    {
        @Override
        public PositionOutputStream create()
        {
            return file.create();
        }

        @Override
        public PositionOutputStream createOrOverwrite()
        {
            return file.createOrOverwrite();
        }

        @Override
        public InputFile toInputFile()
        {
            return new LocalInput(location, file.toInputFile());
        }
    }
}
