package org.shoptalk.core.round;

import java.time.Instant;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.prompt.Theme;

/**
 * One reflection moment that was posted: the prompt as it was asked (copied, so later library edits do
 * not rewrite history) and how long it collects answers. {@code scheduleId} is null for a moment posted on request.
 */
public record Round(
        long id,
        long guildId,
        Long scheduleId,
        String promptId,
        Theme theme,
        String promptText,
        String promptWhy,
        Language language,
        Instant openedAt,
        Instant closesAt) {}
