package org.shoptalk.core.secret;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.shoptalk.core.db.Handle;

/**
 * Random keys Shoptalk makes for itself when the operator configured no {@code SHOPTALK_SECRET}, kept in the
 * table {@code generated_secret} (migration V65), one row per purpose: they survive restarts, and replicas
 * sharing the database agree on them. Whoever can read the database can read these keys too. Thread-safe.
 */
public final class GeneratedSecrets {
    /** Bytes of a generated key. */
    public static final int KEY_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedSecrets() {}

    /**
     * The key kept for {@code purpose}, made and stored on first use. When two instances make one at the same
     * time, the first stored wins and both return it.
     *
     * @param purpose the row's name, up to 60 characters (e.g. {@code "digest-links"})
     * @return {@link #KEY_BYTES} random bytes, the same on every call for this purpose
     */
    public static byte[] getOrCreate(Handle h, String purpose, Clock clock) {
        byte[] fresh = new byte[KEY_BYTES];
        RANDOM.nextBytes(fresh);
        GeneratedSecretStore.addIfAbsent(h, purpose, Base64.getEncoder().encodeToString(fresh), clock.instant());
        return find(h, purpose).orElseThrow();
    }

    /** The key kept for {@code purpose}, if one was ever made. */
    public static Optional<byte[]> find(Handle h, String purpose) {
        return GeneratedSecretStore.find(h, purpose).map(Base64.getDecoder()::decode);
    }
}
