package org.shoptalk.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** HKDF-SHA256 gives the outputs of RFC 5869's own test cases, and separate purposes get unrelated keys. */
class HkdfTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    private static byte[] range(int from, int toExclusive) {
        byte[] out = new byte[toExclusive - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (from + i);
        }
        return out;
    }

    @Test
    void rfc_5869_test_case_1_basic() {
        byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = hex("000102030405060708090a0b0c");
        byte[] info = hex("f0f1f2f3f4f5f6f7f8f9");

        assertThat(HEX.formatHex(Hkdf.extract(salt, ikm)))
                .isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        assertThat(HEX.formatHex(Hkdf.derive(salt, ikm, info, 42)))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void rfc_5869_test_case_2_longer_inputs_and_outputs() {
        assertThat(HEX.formatHex(Hkdf.extract(range(0x60, 0xb0), range(0x00, 0x50))))
                .isEqualTo("06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244");
        assertThat(HEX.formatHex(Hkdf.derive(range(0x60, 0xb0), range(0x00, 0x50), range(0xb0, 0x100), 82)))
                .isEqualTo("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                        + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                        + "cc30c58179ec3e87c14c01d5c1f3434f1d87");
    }

    @Test
    void rfc_5869_test_case_3_no_salt_and_no_info() {
        byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");

        assertThat(HEX.formatHex(Hkdf.extract(new byte[0], ikm)))
                .isEqualTo("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
        assertThat(HEX.formatHex(Hkdf.derive(null, ikm, new byte[0], 42)))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    @Test
    void each_purpose_gets_its_own_key_and_none_is_the_secret_itself() {
        String secret = "correct horse battery staple";
        byte[] anonymous = Hkdf.forPurpose(secret, "shoptalk/anonymous-answers/v2");

        assertThat(anonymous)
                .hasSize(Hkdf.HASH_LEN)
                .isEqualTo(Hkdf.forPurpose(secret, "shoptalk/anonymous-answers/v2"))
                .isNotEqualTo(Hkdf.forPurpose(secret, "shoptalk/digest-links/v1"))
                .isNotEqualTo(Hkdf.forPurpose("another secret entirely", "shoptalk/anonymous-answers/v2"));
        assertThat(HEX.formatHex(anonymous))
                .doesNotContain(HEX.formatHex(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void lengths_outside_what_the_rfc_allows_and_empty_key_material_are_refused() {
        byte[] ikm = new byte[] {1};
        assertThatThrownBy(() -> Hkdf.derive(null, ikm, new byte[0], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hkdf.derive(null, ikm, new byte[0], 255 * 32 + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8160");
        assertThat(Hkdf.derive(null, ikm, new byte[0], 255 * 32)).hasSize(8160);
        assertThatThrownBy(() -> Hkdf.derive(null, new byte[0], new byte[0], 32))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hkdf.forPurpose("", "p")).isInstanceOf(IllegalArgumentException.class);
    }
}
