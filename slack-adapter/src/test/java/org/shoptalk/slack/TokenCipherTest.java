package org.shoptalk.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenCipherTest {
    private final TokenCipher cipher = new TokenCipher("a-long-enough-shoptalk-secret");

    @Test
    void token_round_trips_and_is_never_stored_in_clear() {
        String sealed = cipher.encrypt("xoxb-secret-token", "row-1");

        assertThat(sealed).startsWith("v1:").doesNotContain("xoxb");
        assertThat(cipher.encrypt("xoxb-secret-token", "row-1"))
                .as("fresh nonce each time")
                .isNotEqualTo(sealed);
        assertThat(cipher.decrypt(sealed, "row-1")).isEqualTo("xoxb-secret-token");
    }

    @Test
    void token_moved_to_another_row_or_read_with_another_secret_does_not_decrypt() {
        String sealed = cipher.encrypt("xoxb-secret-token", "row-1");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "row-2")).hasMessageContaining("SHOPTALK_SECRET");
        assertThatThrownBy(() -> new TokenCipher("another-secret-entirely").decrypt(sealed, "row-1"))
                .isInstanceOf(IllegalStateException.class);
    }
}
