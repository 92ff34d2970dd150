package io.sluice.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * A password file as Trino's file authenticator keeps one: a line per user, {@code user:bcrypt-hash} ({@code $2a$},
 * {@code $2b$}, {@code $2y$}), {@code #} comments. Read again when it changes; never logged. {@code bin/sluice passwd}
 * writes it.
 */
public final class PasswordFile
{
    public static final String PATH = "auth.password-file.path";
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.@-]{1,128}");
    private static final int COST = 10;
    /** A hash verified for unknown users too, so that they take as long to refuse as wrong passwords. */
    private static final String DUMMY = BCrypt.withDefaults().hashToString(COST, "sluice-dummy".toCharArray());

    private final Path path;
    private volatile Loaded loaded = new Loaded(FileTime.fromMillis(0), -1, Map.of());

    private record Loaded(FileTime modified, long size, Map<String, String> hashes) {}

    public PasswordFile(Path path)
    {
        this.path = requireNonNull(path, "path is null");
        if (!Files.isRegularFile(path)) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("The password file %s (%s) does not exist: write one with bin/sluice passwd <user>", path, PATH));
        }
        hashes();
    }

    /** Whether the password is the user's; an unknown user is refused in the same time as a wrong password. */
    public boolean verify(String user, String password)
    {
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            // No bcrypt password is longer (setPassword refuses them); a JWT or token sent as a password is not one.
            BCrypt.verifyer().verify("sluice-dummy".toCharArray(), DUMMY);
            return false;
        }
        String hash = hashes().get(user);
        boolean verified = BCrypt.verifyer().verify(password.toCharArray(), hash == null ? DUMMY : hash).verified;
        return hash != null && verified;
    }

    private Map<String, String> hashes()
    {
        try {
            FileTime modified = Files.getLastModifiedTime(path);
            long size = Files.size(path);
            Loaded current = loaded;
            if (current.modified().equals(modified) && current.size() == size) {
                return current.hashes();
            }
            Map<String, String> hashes = read(path);
            loaded = new Loaded(modified, size, hashes);
            return hashes;
        }
        catch (IOException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot read the password file " + path + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> read(Path path)
            throws IOException
    {
        Map<String, String> hashes = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !line.substring(colon + 1).matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
                // The line's content may hold a secret: name the line only.
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Line %d of the password file %s is not user:bcrypt-hash", i + 1, path));
            }
            hashes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        return Map.copyOf(hashes);
    }

    /** Sets the user's password in the file (made owner-only when new), keeping every other line. */
    public static void setPassword(Path path, String user, String password)
            throws IOException
    {
        if (!USER.matcher(user).matches()) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Invalid user name: use letters, digits, '_', '.', '@' and '-' (at most 128)");
        }
        if (password.isEmpty() || password.length() > 72) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "A password is 1 to 72 characters (bcrypt reads no more)");
        }
        String line = user + ":" + BCrypt.withDefaults().hashToString(COST, password.toCharArray());
        StringBuilder text = new StringBuilder();
        boolean replaced = false;
        if (Files.exists(path)) {
            for (String existing : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (existing.startsWith(user + ":")) {
                    text.append(line).append('\n');
                    replaced = true;
                }
                else {
                    text.append(existing).append('\n');
                }
            }
        }
        if (!replaced) {
            text.append(line).append('\n');
        }
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".passwords", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
