package io.sluice.server.session;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * The identity of a session or operation handle: a random id and a random secret of 128 bits each, drawn from a
 * {@link SecureRandom}. Handles are looked up by id; the secret must match too, compared in constant time.
 */
public record HandleId(UUID id, UUID secret)
{
    private static final SecureRandom RANDOM = new SecureRandom();

    public HandleId
    {
        requireNonNull(id, "id is null");
        requireNonNull(secret, "secret is null");
    }

    public static HandleId random()
    {
        return new HandleId(randomUuid(), randomUuid());
    }

    private static UUID randomUuid()
    {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    public static HandleId fromBytes(byte[] id, byte[] secret)
    {
        return new HandleId(toUuid(id), toUuid(secret));
    }

    private static UUID toUuid(byte[] bytes)
    {
        if (bytes == null || bytes.length != 16) {
            // Not a handle this server issued; an id no handle has keeps the lookup uniform.
            return new UUID(0, 0);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    public byte[] idBytes()
    {
        return toBytes(id);
    }

    public byte[] secretBytes()
    {
        return toBytes(secret);
    }

    private static byte[] toBytes(UUID uuid)
    {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }

    /** Whether {@code other} carries the same secret; constant time. */
    public boolean secretMatches(HandleId other)
    {
        return MessageDigest.isEqual(secretBytes(), other.secretBytes());
    }

    @Override
    public String toString()
    {
        // Never print the secret.
        return id.toString();
    }
}
