package org.shoptalk.core.dialogue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Database;
import org.shoptalk.core.round.Attribution;
import org.shoptalk.core.secret.GeneratedSecrets;
import org.shoptalk.core.secret.Hkdf;

/**
 * The keyed pseudonyms stored instead of the author of an anonymous answer: one per (workspace, person,
 * round), so answers of one person in different rounds cannot be linked, and nobody without the key can
 * tell who wrote one.
 *
 * <p>The key is derived with HKDF-SHA256 (RFC 5869) for this purpose alone (info
 * {@value #PURPOSE}) from {@code SHOPTALK_SECRET}, or, when no secret is configured, from a random key
 * generated once and kept in the database (table {@code generated_secret}, row {@value #STORED_PURPOSE}).
 * A pseudonym is {@code "anon:v2:" + base64url(HMAC-SHA256(key, len(workspace):workspace len(person):person round))}.
 *
 * <p>Earlier keys are still recognised, so a person can edit, withdraw or forget what they wrote before a key
 * changed: pseudonyms of version 1 ({@code "anon:" + 32 characters}, an HMAC keyed with the raw
 * {@code SHOPTALK_SECRET}), and version 2 under the generated key once an operator sets a secret. Such a row
 * moves to the current key the next time its author edits it. Immutable and thread-safe.
 */
public final class Pseudonyms {
    /** The HKDF info string naming what the key is for. */
    public static final String PURPOSE = "shoptalk/anonymous-answers/v2";
    /** The {@code generated_secret} row holding the key of runs without {@code SHOPTALK_SECRET}. */
    public static final String STORED_PURPOSE = "anonymous-answers";

    private static final String V2 = Attribution.PSEUDONYM_PREFIX + "v2:";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final byte[] current;
    private final List<byte[]> earlier;
    private final byte[] legacySecret;
    private final boolean keptInDatabase;

    private Pseudonyms(byte[] current, List<byte[]> earlier, byte[] legacySecret, boolean keptInDatabase) {
        this.current = current;
        this.earlier = List.copyOf(earlier);
        this.legacySecret = legacySecret;
        this.keptInDatabase = keptInDatabase;
    }

    /**
     * Pseudonyms keyed from {@code secret}, or, when it is null or blank, from the key kept in the database,
     * which this call makes on first use.
     */
    public static Pseudonyms load(Database db, String secret, Clock clock) {
        if (secret == null || secret.isBlank()) {
            byte[] stored = db.withHandle(h -> GeneratedSecrets.getOrCreate(h, STORED_PURPOSE, clock));
            return new Pseudonyms(Hkdf.forPurpose(stored, PURPOSE), List.of(), null, true);
        }
        Optional<byte[]> before = db.withHandle(h -> GeneratedSecrets.find(h, STORED_PURPOSE));
        List<byte[]> earlier = new ArrayList<>();
        before.ifPresent(k -> earlier.add(Hkdf.forPurpose(k, PURPOSE)));
        return new Pseudonyms(
                Hkdf.forPurpose(secret, PURPOSE), earlier, secret.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Whether the key lives in the database (no {@code SHOPTALK_SECRET}): whoever reads the database could then unmask answers. */
    public boolean keptInDatabase() {
        return keptInDatabase;
    }

    /** The pseudonym a new anonymous answer of this person in this round is stored under. */
    public String of(UserRef user, long roundId) {
        return v2(current, user, roundId);
    }

    /** Every pseudonym this person's anonymous answer in this round may be stored under, the current one first. */
    public Set<String> candidates(UserRef user, long roundId) {
        Set<String> all = new LinkedHashSet<>();
        all.add(of(user, roundId));
        earlier.forEach(k -> all.add(v2(k, user, roundId)));
        if (legacySecret != null) {
            all.add(v1(user, roundId));
        }
        return all;
    }

    private static String v2(byte[] key, UserRef user, long roundId) {
        String tenant = user.tenant().key();
        String input = tenant.length() + ":" + tenant + user.id().length() + ":" + user.id() + roundId;
        return V2 + BASE64URL.encodeToString(Hkdf.hmac(key, input.getBytes(StandardCharsets.UTF_8)));
    }

    // Version 1, before keys were derived: kept only to find answers written then.
    private String v1(UserRef user, long roundId) {
        byte[] digest = Hkdf.hmac(
                legacySecret, (user.tenant().key() + "|" + user.id() + "|" + roundId).getBytes(StandardCharsets.UTF_8));
        return Attribution.PSEUDONYM_PREFIX + BASE64URL.encodeToString(digest).substring(0, 32);
    }
}
