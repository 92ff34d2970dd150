package io.sluice.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic credentials ({@code Authorization: Basic base64(user:password)}), as Thrift HTTP and REST read them. */
public final class BasicCredentials
{
    /** Credentials longer than this are refused unread. */
    public static final int MAX_LENGTH = 8192;

    private BasicCredentials() {}

    /** {@code {user, password}} of a Basic authorization header, or null when there is none or it is malformed or oversized. */
    public static String[] parse(String authorization)
    {
        if (authorization == null || authorization.length() > MAX_LENGTH || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
        int colon = credentials.indexOf(':');
        return new String[] {colon < 0 ? credentials : credentials.substring(0, colon), colon < 0 ? "" : credentials.substring(colon + 1)};
    }
}
