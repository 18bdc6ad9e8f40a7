package org.shoptalk.app;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Middleware in front of the local console, which has no login. Its API refuses requests from other sites
 * (a page elsewhere cannot post into the console through the browser of someone who has it open) and takes
 * writes only as JSON, which a browser cannot send to another site without a CORS preflight we never grant.
 * While Shoptalk listens on loopback, the console answers only requests addressed to this machine by name
 * (localhost, 127.0.0.1, [::1]), so a DNS name rebound to 127.0.0.1 does not make another site same-origin.
 */
final class ConsoleGuard {
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private ConsoleGuard() {}

    static void mount(RoutesConfig routes, boolean loopbackOnly) {
        if (loopbackOnly) {
            routes.before("/local", ConsoleGuard::requireLoopbackName);
            routes.before("/local/*", ConsoleGuard::requireLoopbackName);
        }
        routes.before("/local/api/*", ConsoleGuard::requireSameOrigin);
    }

    private static void requireLoopbackName(Context ctx) {
        String host = hostName(ctx.header("Host"));
        if (!LOOPBACK_NAMES.contains(host)) {
            throw new ForbiddenResponse("the local console answers only at localhost or 127.0.0.1 on this machine");
        }
    }

    private static void requireSameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw crossSite();
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameOrigin(origin, ctx.header("Host"))) {
            throw crossSite();
        }
        String method = ctx.method().name();
        if (!READS.contains(method) && !method.equals("DELETE") && !isJson(ctx.header("Content-Type"))) {
            throw new HttpResponseException(415, "the local console takes JSON: send Content-Type: application/json");
        }
    }

    private static ForbiddenResponse crossSite() {
        return new ForbiddenResponse("the local console takes requests only from its own page");
    }

    /** The Origin header names the same scheme-less host and port the request was sent to. */
    private static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            String authority = new URI(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.strip());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }

    /** The host part of a Host header, lower case, an IPv6 address keeping its brackets. */
    private static String hostName(String header) {
        if (header == null) {
            return "";
        }
        String host = header.strip().toLowerCase(Locale.ROOT);
        int portColon = host.startsWith("[") ? host.indexOf(':', host.indexOf(']')) : host.lastIndexOf(':');
        return portColon < 0 ? host : host.substring(0, portColon);
    }
}
