package org.shoptalk.core.record;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.shoptalk.core.chat.Tenant;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.prompt.Dimension;
import org.shoptalk.core.secret.GeneratedSecrets;
import org.shoptalk.core.secret.SignedTokens;

/**
 * The tokens in record links ({@link SignedTokens} with their own key): who the record belongs to, its period,
 * language, zone and dimension. A token opens that person's record and nothing else; it is the only key, so it is
 * sent in private only and expires (docs/record.md). Thread-safe.
 */
public final class RecordTokens {
    private static final String PURPOSE = "shoptalk/record-links/v1";
    private static final String STORED_KEY = "record-links";
    private static final int MAX_TOKEN = 1000;
    private static final String ALL = "all";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private final SignedTokens tokens;

    private RecordTokens(byte[] key, Clock clock) {
        this.tokens = new SignedTokens(key, clock, MAX_TOKEN);
    }

    /** Keyed from the operator's secret (SHOPTALK_SECRET), for this purpose alone. */
    public static RecordTokens withSecret(String secret, Clock clock) {
        return new RecordTokens(SignedTokens.keyFor(secret, PURPOSE), clock);
    }

    /** Keyed with a random key kept in the database, for running without a secret. */
    public static RecordTokens withStoredKey(Database db, Clock clock) {
        return new RecordTokens(db.withHandle(h -> GeneratedSecrets.getOrCreate(h, STORED_KEY, clock)), clock);
    }

    /** What a genuine, current token opens. */
    public record Grant(
            UserRef person,
            Language language,
            ZoneId zone,
            LocalDate from,
            LocalDate to,
            Dimension only,
            Instant expiresAt) {}

    public String issue(Grant g) {
        return tokens.issue(
                List.of(
                        encode(g.person().tenant().key()),
                        encode(g.person().id()),
                        g.language().code(),
                        encode(g.zone().getId()),
                        Long.toString(g.from().toEpochDay()),
                        Long.toString(g.to().toEpochDay()),
                        g.only() == null ? ALL : g.only().key()),
                g.expiresAt());
    }

    /** What the token opens: empty for a refused token; {@code expired} true for a genuine one whose time is up. */
    public record Checked(Optional<Grant> grant, boolean expired) {}

    public Checked check(String token) {
        return tokens.check(token)
                .fold(
                        RecordTokens::granted,
                        () -> new Checked(Optional.empty(), false),
                        () -> new Checked(Optional.empty(), true));
    }

    private static Checked granted(SignedTokens.Checked.Valid v) {
        if (v.fields().size() != 7) {
            return new Checked(Optional.empty(), false);
        }
        List<String> f = v.fields();
        try {
            Dimension only =
                    ALL.equals(f.get(6)) ? null : Dimension.ofKey(f.get(6)).orElseThrow();
            return new Checked(
                    Optional.of(new Grant(
                            new UserRef(Tenant.fromKey(decode(f.get(0))), decode(f.get(1))),
                            Language.parse(f.get(2)).orElseThrow(),
                            ZoneId.of(decode(f.get(3))),
                            LocalDate.ofEpochDay(Long.parseLong(f.get(4))),
                            LocalDate.ofEpochDay(Long.parseLong(f.get(5))),
                            only,
                            v.expiresAt())),
                    false);
        } catch (RuntimeException e) {
            // A genuine token we cannot read (a zone no longer known): refused like any other.
            return new Checked(Optional.empty(), false);
        }
    }

    private static String encode(String s) {
        return ENCODE.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
    }
}
