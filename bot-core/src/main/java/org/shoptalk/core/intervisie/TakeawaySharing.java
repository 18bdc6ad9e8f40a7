package org.shoptalk.core.intervisie;

import java.time.Clock;
import org.shoptalk.core.chat.ChatMessage;
import org.shoptalk.core.chat.ChatPlatformException;
import org.shoptalk.core.chat.Platforms;
import org.shoptalk.core.chat.UserRef;
import org.shoptalk.core.db.Handle;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.intervisie.Intervisies.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sharing a session's takeaways with the weekly digest (issue 15, section 1: "the content stays in its thread unless
 * the case-bringer chooses to share the takeaways"; docs/intervisie.md#sharing-takeaways). People own their words
 * (docs/domain.md), so the case-bringer's choice opens the door and shares their own takeaway, while every other
 * participant's takeaway goes along only when that participant agrees: each is asked privately, with buttons. What is
 * shown is unattributed and read from the stored takeaways, so edits and deletions in the thread follow. Runs inside
 * the caller's transaction, which holds the session's row lock. Thread-safe.
 */
final class TakeawaySharing {
    private static final Logger LOG = LoggerFactory.getLogger(TakeawaySharing.class);

    private final IntervisieStore store;
    private final Platforms platforms;
    private final Clock clock;

    TakeawaySharing(IntervisieStore store, Platforms platforms, Clock clock) {
        this.store = store;
        this.platforms = platforms;
        this.clock = clock;
    }

    /**
     * "share": the case-bringer shares the session's takeaways (once the takeaway phase has begun) and the others are
     * asked; anyone else agrees to share their own takeaway, which counts only once the case-bringer has shared.
     */
    Reply share(Handle h, Session s, boolean takeawaysBegun, UserRef user, AfterCommit after, Object bringerName) {
        Language lang = s.language();
        if (user.equals(s.bringer())) {
            if (!takeawaysBegun) {
                return new Reply(SessionMessages.t(lang, "intervisie.share.not.yet", s.id()), false);
            }
            if (!store.share(h, s.id(), clock.instant())) {
                return new Reply(SessionMessages.t(lang, "intervisie.share.already", s.id()), false);
            }
            for (String member : store.members(h, s.id())) {
                UserRef other = new UserRef(s.channel().tenant(), member);
                if (!other.equals(s.bringer()) && !store.hasConsented(h, s.id(), member)) {
                    after.add(() -> ask(s, other));
                }
            }
            after.add(() -> platforms
                    .forTenant(s.channel().tenant())
                    .postInThread(s.thread(), SessionMessages.text(lang, "intervisie.shared.thread", bringerName)));
            return new Reply(SessionMessages.t(lang, "intervisie.share.done", s.id()), true);
        }
        if (!store.members(h, s.id()).contains(user.id()) && !store.hasTakeaway(h, s.id(), user.id())) {
            return new Reply(SessionMessages.t(lang, "intervisie.leave.not.in", s.id()), false);
        }
        store.consent(h, s.id(), user, clock.instant());
        String key = store.isShared(h, s.id()) ? "intervisie.share.mine.done" : "intervisie.share.mine.later";
        return new Reply(SessionMessages.t(lang, key, s.id()), true);
    }

    /** "keep": the case-bringer takes the whole session's sharing back; anyone else keeps their own takeaway. */
    Reply keep(Handle h, Session s, UserRef user) {
        Language lang = s.language();
        if (user.equals(s.bringer())) {
            store.unshare(h, s.id());
            return new Reply(SessionMessages.t(lang, "intervisie.keep.done", s.id()), true);
        }
        store.withdraw(h, s.id(), user);
        return new Reply(SessionMessages.t(lang, "intervisie.keep.mine.done", s.id()), true);
    }

    /** The private question to a participant, with buttons that run "intervisie share|keep ID". */
    private void ask(Session s, UserRef user) {
        Language lang = s.language();
        ChatMessage message = ChatMessage.builder()
                .text(SessionMessages.t(lang, "intervisie.share.ask", s.id()))
                .button(
                        SessionMessages.t(lang, "intervisie.button.share.mine"),
                        SessionMessages.t(lang, "usage.button.intervisie.share", s.id()))
                .button(
                        SessionMessages.t(lang, "intervisie.button.keep.mine"),
                        SessionMessages.t(lang, "usage.button.intervisie.keep", s.id()))
                .build();
        try {
            platforms.forTenant(user.tenant()).sendPrivate(user, message);
        } catch (ChatPlatformException e) {
            // Not asked means not shared: their takeaway stays in the thread; they can still say "intervisie share".
            LOG.warn("intervisie {} share question not delivered: {}", s.id(), e.getMessage());
        }
    }

    /** Buttons for the closing message: the case-bringer shares, anyone else agrees for their own takeaway. */
    static ChatMessage closing(Session s) {
        Language lang = s.language();
        return ChatMessage.builder()
                .text(SessionMessages.t(lang, "intervisie.finished"))
                .context(SessionMessages.t(lang, "intervisie.finished.share", s.id()))
                .button(
                        SessionMessages.t(lang, "intervisie.button.share"),
                        SessionMessages.t(lang, "usage.button.intervisie.share", s.id()))
                .build();
    }
}
