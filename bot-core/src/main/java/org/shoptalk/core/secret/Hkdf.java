package org.shoptalk.core.secret;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256, as specified in RFC 5869 ("HMAC-based Extract-and-Expand Key Derivation Function"):
 * turns one piece of key material (the operator's {@code SHOPTALK_SECRET}, or a key Shoptalk generated) into
 * independent keys, one per purpose, named by the {@code info} string. Java 17 has no HKDF of its own (the
 * {@code javax.crypto.KDF} API arrived in Java 25), and the two HMAC loops below are checked against the
 * RFC's test vectors (Appendix A). Stateless and thread-safe.
 */
public final class Hkdf {
    /** Output length of HMAC-SHA256 in bytes ({@code HashLen} in RFC 5869). */
    public static final int HASH_LEN = 32;

    private static final String HMAC = "HmacSHA256";

    private Hkdf() {}

    /**
     * Extract then expand (RFC 5869 sections 2.2 and 2.3).
     *
     * @param salt optional non-secret salt; null or empty means {@link #HASH_LEN} zero bytes, as section 2.2 says
     * @param ikm the input key material, not empty
     * @param info what the key is for (context and application specific), may be empty, never null
     * @param length the number of bytes wanted, 1 to 255 * {@link #HASH_LEN}
     * @return {@code length} bytes of output key material
     * @throws IllegalArgumentException when {@code ikm} is empty or {@code length} is out of range
     */
    public static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
        return expand(extract(salt, ikm), info, length);
    }

    /**
     * A key of {@link #HASH_LEN} bytes for one named purpose, derived without salt from UTF-8 key material.
     *
     * @param secret the key material, e.g. {@code SHOPTALK_SECRET}; not blank
     * @param purpose the info string, e.g. {@code "shoptalk/anonymous-answers/v2"}: another purpose gets an unrelated key
     */
    public static byte[] forPurpose(String secret, String purpose) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("no key material");
        }
        return forPurpose(secret.getBytes(StandardCharsets.UTF_8), purpose);
    }

    /** As {@link #forPurpose(String, String)}, for raw key material such as a generated random key. */
    public static byte[] forPurpose(byte[] secret, String purpose) {
        return derive(null, secret, purpose.getBytes(StandardCharsets.UTF_8), HASH_LEN);
    }

    /** RFC 5869 section 2.2: {@code PRK = HMAC-Hash(salt, IKM)}. */
    static byte[] extract(byte[] salt, byte[] ikm) {
        Objects.requireNonNull(ikm, "ikm");
        if (ikm.length == 0) {
            throw new IllegalArgumentException("no key material");
        }
        return hmac(salt == null || salt.length == 0 ? new byte[HASH_LEN] : salt, ikm);
    }

    /** RFC 5869 section 2.3: {@code T(i) = HMAC-Hash(PRK, T(i-1) | info | i)}, the first {@code length} bytes of T(1) | T(2) | ... */
    static byte[] expand(byte[] prk, byte[] info, int length) {
        Objects.requireNonNull(info, "info");
        if (length < 1 || length > 255 * HASH_LEN) {
            throw new IllegalArgumentException("HKDF-SHA256 gives 1 to " + 255 * HASH_LEN + " bytes, not " + length);
        }
        ByteArrayOutputStream okm = new ByteArrayOutputStream(length + HASH_LEN);
        byte[] previous = new byte[0];
        for (int i = 1; okm.size() < length; i++) {
            byte[] block = new byte[previous.length + info.length + 1];
            System.arraycopy(previous, 0, block, 0, previous.length);
            System.arraycopy(info, 0, block, previous.length, info.length);
            block[block.length - 1] = (byte) i;
            previous = hmac(prk, block);
            okm.writeBytes(previous);
        }
        byte[] out = new byte[length];
        System.arraycopy(okm.toByteArray(), 0, out, 0, length);
        return out;
    }

    /** HMAC-SHA256 of {@code data} under {@code key}. */
    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
