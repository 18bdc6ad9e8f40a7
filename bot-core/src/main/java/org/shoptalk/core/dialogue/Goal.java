package org.shoptalk.core.dialogue;

import java.time.Instant;
import java.time.LocalDate;

/** A goal a team set with the goal coach, and the day they look back on it together. */
public record Goal(
        long id,
        long guildId,
        String statement,
        String verdict,
        String forWhom,
        String valueBehind,
        String indicators,
        String limits,
        LocalDate reviewOn,
        Instant createdAt) {}
