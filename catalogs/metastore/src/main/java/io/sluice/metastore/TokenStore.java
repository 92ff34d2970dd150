package io.sluice.metastore;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Sluice API tokens in the metadata store: a name per owner, a digest of the secret (never the secret), roles, expiry. */
public final class TokenStore
{
    /** One token as stored; {@code secretHash} is the hex SHA-256 of the secret. */
    public record TokenRecord(String owner, String name, String secretHash, List<String> roles, Instant created, Optional<Instant> expires,
            Optional<Instant> lastUsed)
    {
        public TokenRecord
        {
            requireNonNull(owner, "owner is null");
            requireNonNull(name, "name is null");
            requireNonNull(secretHash, "secretHash is null");
            roles = List.copyOf(requireNonNull(roles, "roles is null"));
            requireNonNull(created, "created is null");
            requireNonNull(expires, "expires is null");
            requireNonNull(lastUsed, "lastUsed is null");
        }
    }

    private static final String COLUMNS = "owner_name, name, secret_hash, roles, created_at, expires_at, last_used_at";

    private final Metastore store;

    public TokenStore(Metastore store)
    {
        this.store = requireNonNull(store, "store is null");
    }

    /** Adds the token; fails with {@link ErrorCode#ALREADY_EXISTS} when its owner has one of that name. */
    public void insert(TokenRecord token)
    {
        try (Connection connection = store.connection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO sluice_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, token.owner());
            insert.setString(2, token.name());
            insert.setString(3, token.secretHash());
            insert.setString(4, StoreRows.json(token.roles()));
            insert.setTimestamp(5, Timestamp.from(token.created()));
            StoreRows.setInstant(insert, 6, token.expires());
            StoreRows.setInstant(insert, 7, token.lastUsed());
            insert.executeUpdate();
        }
        catch (SQLException e) {
            if (StoreRows.isDuplicateKey(e)) {
                throw new SluiceException(ErrorCode.ALREADY_EXISTS, "The token " + token.name() + " already exists");
            }
            throw StoreRows.failure("add token " + token.name(), e);
        }
    }

    /** The token whose secret has this digest. */
    public Optional<TokenRecord> bySecretHash(String secretHash)
    {
        List<TokenRecord> found = select(" WHERE secret_hash = ?", secretHash);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The owner's tokens, or everyone's when {@code owner} is empty, by owner and name. */
    public List<TokenRecord> list(Optional<String> owner)
    {
        return owner.isPresent() ? select(" WHERE owner_name = ? ORDER BY name", owner.get()) : select(" ORDER BY owner_name, name", null);
    }

    /** Deletes the owner's token; false when there was none. */
    public boolean delete(String owner, String name)
    {
        try (Connection connection = store.connection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM sluice_tokens WHERE owner_name = ? AND name = ?")) {
            delete.setString(1, owner);
            delete.setString(2, name);
            return delete.executeUpdate() == 1;
        }
        catch (SQLException e) {
            throw StoreRows.failure("drop token " + name, e);
        }
    }

    /** Notes a use of the token (at most as precise as the caller cares to call it). */
    public void touch(String secretHash, Instant used)
    {
        try (Connection connection = store.connection();
                PreparedStatement update = connection.prepareStatement("UPDATE sluice_tokens SET last_used_at = ? WHERE secret_hash = ?")) {
            update.setTimestamp(1, Timestamp.from(used));
            update.setString(2, secretHash);
            update.executeUpdate();
        }
        catch (SQLException e) {
            throw StoreRows.failure("note the use of a token", e);
        }
    }

    private List<TokenRecord> select(String where, String value)
    {
        try (Connection connection = store.connection(); PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM sluice_tokens" + where)) {
            if (value != null) {
                select.setString(1, value);
            }
            List<TokenRecord> tokens = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tokens.add(new TokenRecord(rows.getString("owner_name"), rows.getString("name"), rows.getString("secret_hash"),
                            StoreRows.fromJson(rows.getString("roles"), StoreRows.STRINGS), rows.getTimestamp("created_at").toInstant(),
                            StoreRows.instant(rows, "expires_at"), StoreRows.instant(rows, "last_used_at")));
                }
            }
            return tokens;
        }
        catch (SQLException e) {
            throw StoreRows.failure("read the tokens", e);
        }
    }
}
