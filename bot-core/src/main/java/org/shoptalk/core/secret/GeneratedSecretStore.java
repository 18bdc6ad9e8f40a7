package org.shoptalk.core.secret;

import java.time.Instant;
import java.util.Optional;
import org.shoptalk.core.db.Handle;

/** The table {@code generated_secret}: one Base64 key per purpose (migration V65). Stateless and thread-safe. */
final class GeneratedSecretStore {
    private GeneratedSecretStore() {}

    /** Stores the key unless one exists for the purpose; the first stored wins. */
    static void addIfAbsent(Handle h, String purpose, String base64, Instant now) {
        h.insertIfAbsent(
                "INSERT INTO generated_secret (purpose, secret, created_at) VALUES (?, ?, ?)", purpose, base64, now);
    }

    static Optional<String> find(Handle h, String purpose) {
        return h.queryOne("SELECT secret FROM generated_secret WHERE purpose = ?", rs -> rs.getString(1), purpose);
    }
}
