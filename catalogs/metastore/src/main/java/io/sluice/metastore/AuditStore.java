package io.sluice.metastore;

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

/** The audit log's table: logins, statements and security changes, each allowed or denied. */
public final class AuditStore
{
    /**
     * One event.
     *
     * @param id assigned by the store (0 before it is written)
     * @param kind {@code LOGIN}, {@code STATEMENT}, {@code TOKEN}, ...
     * @param objects the objects a statement read or wrote, comma separated
     */
    public record AuditEvent(long id, Instant time, String kind, String user, String address, boolean allowed, Optional<String> engine, String objects,
            String detail)
    {
        public AuditEvent
        {
            requireNonNull(time, "time is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(user, "user is null");
            requireNonNull(address, "address is null");
            requireNonNull(engine, "engine is null");
            requireNonNull(objects, "objects is null");
            requireNonNull(detail, "detail is null");
        }
    }

    private final Metastore store;

    public AuditStore(Metastore store)
    {
        this.store = requireNonNull(store, "store is null");
    }

    /** Writes the events in one transaction. */
    public void insert(List<AuditEvent> events)
    {
        if (events.isEmpty()) {
            return;
        }
        store.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sluice_audit (event_time, kind, user_name, address, allowed, engine, objects, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEvent event : events) {
                    insert.setTimestamp(1, Timestamp.from(event.time()));
                    insert.setString(2, clip(event.kind(), 32));
                    insert.setString(3, clip(event.user(), 255));
                    insert.setString(4, clip(event.address(), 128));
                    insert.setBoolean(5, event.allowed());
                    StoreRows.setText(insert, 6, event.engine().map(engine -> clip(engine, 64)));
                    insert.setString(7, clip(event.objects(), 8192));
                    insert.setString(8, clip(event.detail(), 16384));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** The newest events first, at most {@code limit}, optionally of one user. */
    public List<AuditEvent> recent(Optional<String> user, int limit)
    {
        String sql = "SELECT event_id, event_time, kind, user_name, address, allowed, engine, objects, detail FROM sluice_audit"
                + (user.isPresent() ? " WHERE user_name = ?" : "") + " ORDER BY event_id DESC";
        try (Connection connection = store.connection(); PreparedStatement select = connection.prepareStatement(sql)) {
            if (user.isPresent()) {
                select.setString(1, user.get());
            }
            select.setMaxRows(limit);
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new AuditEvent(rows.getLong("event_id"), rows.getTimestamp("event_time").toInstant(), rows.getString("kind"),
                            rows.getString("user_name"), rows.getString("address"), rows.getBoolean("allowed"), StoreRows.text(rows, "engine"),
                            rows.getString("objects"), rows.getString("detail")));
                }
            }
            return events;
        }
        catch (SQLException e) {
            throw StoreRows.failure("read the audit log", e);
        }
    }

    private static String clip(String text, int length)
    {
        return text.length() <= length ? text : text.substring(0, length - 3) + "...";
    }
}
