package org.shoptalk.core.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Record links of the form {@code <public URL>/record/<token>/record.pdf} (and {@code record.md}), valid for
 * {@link #VALID_FOR} from when they are made. Like the digest links, the base URL is asked for on each link (the app
 * knows it once its server has a port); without one there are no links. Thread-safe.
 */
public final class RecordLinks {
    /** How long a link works: long enough to open it today, short enough that a forwarded link soon dies. */
    public static final Duration VALID_FOR = Duration.ofHours(24);

    public static final String PATH = "/record/";

    /** No web pages: exports cannot be offered. */
    public static final RecordLinks NONE = new RecordLinks(() -> null, null, Clock.systemUTC());

    private final Supplier<String> baseUrl;
    private final RecordTokens tokens;
    private final Clock clock;

    public RecordLinks(Supplier<String> baseUrl, RecordTokens tokens, Clock clock) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The two links of a record, and when they stop working. */
    public record Links(String pdf, String markdown, Instant expiresAt) {}

    /** Links to the record the grant describes (its expiry is set here); empty without a public address. */
    public Optional<Links> forRecord(RecordTokens.Grant grant) {
        String base = baseUrl.get();
        if (base == null || tokens == null) {
            return Optional.empty();
        }
        Instant expires = clock.instant().plus(VALID_FOR);
        String token = tokens.issue(new RecordTokens.Grant(
                grant.person(), grant.language(), grant.zone(), grant.from(), grant.to(), grant.only(), expires));
        String root = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH + token + "/record.";
        return Optional.of(
                new Links(root + RecordExport.PDF.extension(), root + RecordExport.MARKDOWN.extension(), expires));
    }

    RecordTokens tokens() {
        return tokens;
    }
}
