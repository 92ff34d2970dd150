package io.sluice.server.access;

import io.sluice.dialects.ast.SqlAccessControl;
import io.sluice.metastore.AccessStore;
import io.sluice.server.access.AccessControl.Subject;
import io.sluice.server.audit.AuditLog;
import io.sluice.server.jobs.Names;
import io.sluice.server.metadata.MetadataResults;
import io.sluice.server.operation.LocalResult;
import io.sluice.server.session.Session;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * The SQL of roles, grants, row filters and column masks. Changes are for administrators and are audited;
 * {@code SHOW ROLES} and {@code SHOW GRANTS} show a user their own roles and privileges (an administrator everyone's).
 * Names are case-insensitive and kept lower case; role names are checked like every other name of Sluice's.
 */
public final class AccessCommands
{
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    public AccessCommands(AccessControl access, AuditLog audit, Clock clock)
    {
        this.access = requireNonNull(access, "access is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public AccessControl access()
    {
        return access;
    }

    /** Runs the statement; empty for the changes, which answer no rows. */
    public Optional<LocalResult> execute(SqlAccessControl command, String sql, Session session)
    {
        Subject subject = Subject.of(session);
        AccessStore store = access.store();
        SqlAccessControl.Verb verb = command.verb();
        switch (verb) {
            case SHOW_ROLES:
                return Optional.of(showRoles(subject));
            case SHOW_GRANTS:
                return Optional.of(showGrants(subject, command));
            case SHOW_ROW_FILTERS:
                access.checkAdmin(subject, "SHOW ROW FILTERS");
                return Optional.of(showFilters());
            case SHOW_COLUMN_MASKS:
                access.checkAdmin(subject, "SHOW COLUMN MASKS");
                return Optional.of(showMasks());
            default:
                break;
        }
        access.checkAdmin(subject, command.getOperator().getName());
        String name = command.name().map(AccessCommands::lower).orElse("");
        switch (verb) {
            case CREATE_ROLE -> store.createRole(Names.check("role", name), session.user(), clock.instant());
            case DROP_ROLE -> {
                if (!store.dropRole(name) && !command.ifExists()) {
                    throw new SluiceException(ErrorCode.OBJECT_NOT_FOUND, "No role " + name);
                }
            }
            case GRANT, REVOKE -> {
                String role = existingRole(command.principal().map(AccessCommands::lower).orElseThrow());
                ObjectName object = object(command, session.currentDatabase());
                for (String privilege : command.privileges()) {
                    AccessStore.Privilege grant = new AccessStore.Privilege(role, privilege, object.type(), object.dotted());
                    if (verb == SqlAccessControl.Verb.GRANT) {
                        store.grant(grant);
                    }
                    else if (!store.revoke(grant)) {
                        throw new SluiceException(ErrorCode.OBJECT_NOT_FOUND, format("The role %s holds no %s on %s", role, privilege, object));
                    }
                }
            }
            case GRANT_ROLE, REVOKE_ROLE -> {
                String role = existingRole(name);
                String principal = principal(command.principal().orElseThrow());
                AccessStore.Member member = new AccessStore.Member(role, command.principalType().orElseThrow().name(), principal);
                if (verb == SqlAccessControl.Verb.GRANT_ROLE) {
                    store.addMember(member);
                }
                else if (!store.removeMember(member)) {
                    throw new SluiceException(ErrorCode.OBJECT_NOT_FOUND, format("The %s %s does not hold the role %s",
                            member.principalType().toLowerCase(Locale.ROOT), principal, role));
                }
            }
            case CREATE_ROW_FILTER -> store.createFilter(new AccessStore.RowFilter(Names.check("row filter", name),
                    ObjectName.table(command.object(), session.currentDatabase()).dotted(), existingRole(lower(command.principal().orElseThrow())),
                    command.expressionText(sql).orElseThrow(), session.user(), clock.instant()));
            case CREATE_COLUMN_MASK -> store.createMask(new AccessStore.ColumnMask(Names.check("column mask", name),
                    ObjectName.table(command.object(), session.currentDatabase()).dotted(), lower(command.column().orElseThrow()),
                    existingRole(lower(command.principal().orElseThrow())), command.expressionText(sql).orElseThrow(), session.user(), clock.instant()));
            case DROP_ROW_FILTER -> {
                if (!store.dropFilter(name) && !command.ifExists()) {
                    throw new SluiceException(ErrorCode.OBJECT_NOT_FOUND, "No row filter " + name);
                }
            }
            case DROP_COLUMN_MASK -> {
                if (!store.dropMask(name) && !command.ifExists()) {
                    throw new SluiceException(ErrorCode.OBJECT_NOT_FOUND, "No column mask " + name);
                }
            }
            default -> throw new IllegalStateException(verb.name());
        }
        access.reload();
        audit.record(verb == SqlAccessControl.Verb.GRANT || verb == SqlAccessControl.Verb.REVOKE || verb == SqlAccessControl.Verb.GRANT_ROLE
                        || verb == SqlAccessControl.Verb.REVOKE_ROLE ? AuditLog.Kind.GRANT : AuditLog.Kind.ROLE,
                session.user(), session.owner().address(), true, Optional.empty(), command.object().isEmpty() ? List.of(name) : List.of(String.join(".", command.object())),
                describe(command));
        return Optional.empty();
    }

    private static String describe(SqlAccessControl command)
    {
        StringBuilder text = new StringBuilder(command.getOperator().getName());
        if (!command.privileges().isEmpty()) {
            text.append(' ').append(String.join(", ", command.privileges()));
        }
        command.name().ifPresent(name -> text.append(' ').append(name));
        command.objectType().ifPresent(type -> text.append(" ON ").append(type.name()).append(' ').append(String.join(".", command.object())));
        command.principalType().ifPresent(type -> text.append(' ').append(type.name()).append(' ').append(command.principal().orElse("")));
        return text.toString();
    }

    private String existingRole(String role)
    {
        if (access.store().snapshot().roles().stream().noneMatch(existing -> existing.name().equals(role))) {
            throw new SluiceException(ErrorCode.OBJECT_NOT_FOUND, format("No role %s: CREATE ROLE %s first", shown(role), shown(role)));
        }
        return role;
    }

    private static ObjectName object(SqlAccessControl command, String currentDatabase)
    {
        List<String> names = command.object();
        return switch (command.objectType().orElseThrow()) {
            case CATALOG -> ObjectName.catalog(names.get(0));
            case DATABASE -> ObjectName.database(names);
            case TABLE -> ObjectName.table(names, currentDatabase);
        };
    }

    /** A user or group name: any text but control characters, at most 255. */
    private static String principal(String name)
    {
        if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid user or group name '%s'", shown(name)));
        }
        return name;
    }

    private static String lower(String name)
    {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String shown(String name)
    {
        return name.length() > 64 ? name.substring(0, 64) + "..." : name;
    }

    private LocalResult showRoles(Subject subject)
    {
        AccessStore.Snapshot snapshot = access.snapshot();
        boolean admin = access.isAdmin(subject);
        Set<String> mine = access.roles(subject);
        List<Object[]> rows = new ArrayList<>();
        for (AccessStore.Role role : snapshot.roles()) {
            if (!admin && !mine.contains(role.name())) {
                continue;
            }
            String members = snapshot.members().stream()
                    .filter(member -> member.role().equals(role.name()))
                    .map(member -> member.principalType().toLowerCase(Locale.ROOT) + " " + member.principal())
                    .collect(Collectors.joining(", "));
            rows.add(new Object[] {role.name(), members, role.createdBy(), role.created().toString()});
        }
        return MetadataResults.strings(rows, "role_name", "members", "created_by", "created");
    }

    private LocalResult showGrants(Subject subject, SqlAccessControl command)
    {
        boolean admin = access.isAdmin(subject);
        Set<String> roles;
        if (command.principalType().isEmpty()) {
            roles = admin ? null : access.roles(subject);
        }
        else {
            String principal = command.principal().orElseThrow();
            roles = switch (command.principalType().get()) {
                case ROLE -> Set.of(lower(principal));
                case USER -> access.roles(new Subject(principal, principal.equals(subject.user()) ? subject.groups() : Set.of()));
                case GROUP -> access.snapshot().members().stream()
                        .filter(member -> member.principalType().equals("GROUP") && member.principal().equals(principal))
                        .map(AccessStore.Member::role)
                        .collect(Collectors.toSet());
            };
            boolean own = command.principalType().get() == SqlAccessControl.PrincipalType.USER ? principal.equals(subject.user())
                    : access.roles(subject).containsAll(roles);
            if (!admin && !own) {
                throw new SluiceException(ErrorCode.PERMISSION_DENIED, "Access denied: SHOW GRANTS FOR another user, group or role is for administrators");
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (AccessStore.Privilege privilege : access.snapshot().privileges()) {
            if (roles == null || roles.contains(privilege.role())) {
                rows.add(new Object[] {privilege.role(), privilege.privilege(), privilege.objectType(), privilege.objectName()});
            }
        }
        return MetadataResults.strings(rows, "role_name", "privilege", "object_type", "object_name");
    }

    private LocalResult showFilters()
    {
        List<Object[]> rows = new ArrayList<>();
        for (AccessStore.RowFilter filter : access.snapshot().filters()) {
            rows.add(new Object[] {filter.name(), filter.table(), filter.role(), filter.predicate(), filter.createdBy(), filter.created().toString()});
        }
        return MetadataResults.strings(rows, "name", "table_name", "role_name", "predicate", "created_by", "created");
    }

    private LocalResult showMasks()
    {
        List<Object[]> rows = new ArrayList<>();
        for (AccessStore.ColumnMask mask : access.snapshot().masks()) {
            rows.add(new Object[] {mask.name(), mask.table(), mask.column(), mask.role(), mask.expression(), mask.createdBy(), mask.created().toString()});
        }
        return MetadataResults.strings(rows, "name", "table_name", "column_name", "role_name", "expression", "created_by", "created");
    }
}
