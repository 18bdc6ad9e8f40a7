package org.shoptalk.core.dialogue;

/**
 * A member's answer to the one check-in a week after pairing (docs/rhythm.md): they met, not yet, or rather not say.
 * Stored by name.
 */
public enum CheckIn {
    MET,
    NOT_YET,
    SKIP
}
