package io.sluice.dialects.analyze;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shape of a statement, without its constants: comments dropped, string and number literals replaced by
 * {@code ?}, lists of them by one, case and spacing normalized; and a 128-bit hash of that text. Statements that
 * differ only in their constants (a dashboard's filter values) share a fingerprint, so the router can correct its
 * estimate for one from what the others took.
 */
public final class StatementFingerprint
{
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");
    private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.|'')*'");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])[-+]?\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?[lLdDfF]?(?![\\w])");
    private static final Pattern LIST = Pattern.compile("\\?(?:\\s*,\\s*\\?)+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private StatementFingerprint() {}

    /** The statement's normalized text. */
    public static String normalize(String sql)
    {
        String text = BLOCK_COMMENT.matcher(sql).replaceAll(" ");
        text = LINE_COMMENT.matcher(text).replaceAll(" ");
        text = STRING.matcher(text).replaceAll("?");
        text = NUMBER.matcher(text).replaceAll("?");
        text = LIST.matcher(text).replaceAll("?");
        return SPACE.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /** The hash of the normalized text, 32 hexadecimal digits. */
    public static String of(String sql)
    {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalize(sql).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
