package org.shoptalk.core.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.shoptalk.core.guild.Guild;

/**
 * Digest links of the form {@code <public URL>/digest/<token>}, valid for a fixed time from when the digest
 * is posted. The base URL is asked for on each link, so the app can supply it once its server knows its port;
 * until then (null) digests go out without a link.
 * Thread-safe.
 */
public final class SignedDigestLinks implements DigestLinks {
    public static final String PATH = "/digest/";

    private final Supplier<String> baseUrl;
    private final DigestTokens tokens;
    private final Duration validFor;
    private final Clock clock;

    public SignedDigestLinks(Supplier<String> baseUrl, DigestTokens tokens, Duration validFor, Clock clock) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.validFor = validFor;
        this.clock = clock;
    }

    @Override
    public Optional<String> pageFor(Guild guild, Instant periodEnd) {
        String base = baseUrl.get();
        if (base == null) {
            return Optional.empty();
        }
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return Optional.of(trimmed
                + PATH
                + tokens.issue(guild.id(), periodEnd, clock.instant().plus(validFor)));
    }
}
