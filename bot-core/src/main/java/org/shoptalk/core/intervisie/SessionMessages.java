package org.shoptalk.core.intervisie;

import java.time.Instant;
import java.time.ZoneId;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.i18n.Dates;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/** What an intervisie says in its thread, in the session's language. Stateless and thread-safe. */
final class SessionMessages {
    private SessionMessages() {}

    static String t(Language lang, String key, Object... args) {
        return Texts.get().t(lang, key, args);
    }

    static String when(Instant at, ZoneId zone, Language lang) {
        return Dates.dayTime(lang, at.atZone(zone));
    }

    /** The opening post: who brings a case, how to join, the confidentiality line, and the first phase. */
    static ChatMessage opening(long id, Method m, Language lang, String bringerName, Instant closes, ZoneId zone) {
        Phase first = m.phase(0);
        return ChatMessage.builder()
                .header(t(lang, "intervisie.open.header", id, m.name(lang)))
                .text(t(lang, "intervisie.open.text", bringerName, IntervisieRules.MIN, IntervisieRules.MAX))
                .context(t(lang, "intervisie.confidential"))
                .text(t(lang, "intervisie.phase.header", 1, m.phases().size(), first.name(lang)) + "\n"
                        + first.line(lang))
                .context(t(lang, "intervisie.phase.until", when(closes, zone, lang)))
                .build();
    }

    static ChatMessage phase(Method m, int index, Language lang, Instant closes, ZoneId zone) {
        Phase p = m.phase(index);
        return ChatMessage.builder()
                .header(t(lang, "intervisie.phase.header", index + 1, m.phases().size(), p.name(lang)))
                .text(p.line(lang))
                .context(t(lang, "intervisie.phase.until", when(closes, zone, lang)))
                .build();
    }

    static ChatMessage text(Language lang, String key, Object... args) {
        return ChatMessage.text(t(lang, key, args));
    }

    /** The private nudge to a participant who has not posted in the phase yet. */
    static ChatMessage reminder(
            long id, String phaseName, Instant closes, ZoneId zone, Language lang, String invocation) {
        return ChatMessage.builder()
                .text(t(lang, "intervisie.reminder", id, phaseName, when(closes, zone, lang)))
                .context(Texts.get().tFor(lang, invocation, "reminder.off"))
                .build();
    }
}
