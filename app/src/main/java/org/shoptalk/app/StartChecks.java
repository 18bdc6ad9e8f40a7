package org.shoptalk.app;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * What Shoptalk warns an operator about at start, decided here so it can be tested without reading the log. Stateless.
 */
final class StartChecks {
    private StartChecks() {}

    /**
     * Issue 12: with Slack or Teams on, digest links must open for people on their own devices, not on this machine.
     * Empty when they will (or when only the local console is on); otherwise the warning to log.
     *
     * @param configured SHOPTALK_PUBLIC_URL as set, or empty
     * @param linksStartWith what digest links start with: the configured address, else {@code http://localhost:PORT}
     * @param slackOrTeams whether a real chat platform is on
     */
    static Optional<String> digestLinks(Optional<String> configured, String linksStartWith, boolean slackOrTeams) {
        if (!slackOrTeams) {
            return Optional.empty();
        }
        if (configured.isEmpty()) {
            return Optional.of("SHOPTALK_PUBLIC_URL is not set, so digest links point at " + linksStartWith
                    + ", which people in Slack or Teams cannot open. Set SHOPTALK_PUBLIC_URL to the address people"
                    + " reach this server at.");
        }
        if (loopback(linksStartWith)) {
            return Optional.of("SHOPTALK_PUBLIC_URL is " + linksStartWith + ", an address of this machine only, so"
                    + " people in Slack or Teams cannot open digest links. Set it to the address people reach this"
                    + " server at.");
        }
        return Optional.empty();
    }

    /** localhost, 127.x.x.x or [::1]: read from the text, never by a name lookup. */
    private static boolean loopback(String url) {
        String host = URI.create(url).getHost();
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.equals("localhost")
                || host.endsWith(".localhost")
                || host.startsWith("127.")
                || host.equals("[::1]")
                || host.equals("::1");
    }
}
