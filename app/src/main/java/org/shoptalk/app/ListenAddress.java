package org.shoptalk.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The IP address the HTTP server listens on. Loopback (only this machine) is the default while the local
 * console runs, since the console has no login; {@code 0.0.0.0} listens on every interface, as a container
 * or a Slack/Teams endpoint needs.
 *
 * @param host an IP address literal, IPv4 or IPv6 without brackets
 */
public record ListenAddress(String host) {
    private static final String EXPECTED =
            "an IP address to listen on, such as 127.0.0.1 (this machine only)," + " 0.0.0.0 (every interface) or ::";
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+");
    // After the patterns: the constructor needs them.
    static final ListenAddress LOOPBACK = new ListenAddress("127.0.0.1");
    static final ListenAddress ALL_INTERFACES = new ListenAddress("0.0.0.0");

    public ListenAddress {
        if (host == null || address(host) == null) {
            throw new IllegalArgumentException("not an IP address literal: " + host);
        }
    }

    /** Reads a variable's value; "localhost" means 127.0.0.1 and "[::1]" may keep its brackets. */
    static ListenAddress parse(String variable, String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.equals("localhost")) {
            return LOOPBACK;
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        if (address(text) == null) {
            throw Env.invalid(variable, EXPECTED, value);
        }
        return new ListenAddress(text);
    }

    /** True when only this machine can connect. */
    boolean loopback() {
        return address(host).isLoopbackAddress();
    }

    // Only literals: never a name lookup, which could be slow or answer differently on another day.
    private static InetAddress address(String text) {
        boolean literal = IPV4.matcher(text).matches()
                || (text.contains(":") && IPV6_CHARACTERS.matcher(text).matches());
        if (!literal) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
