package org.shoptalk.core.digest;

import java.util.List;
import org.shoptalk.core.chat.ChannelRef;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;

/**
 * Says honestly what became of a digest, channel by channel, for the person who asked and for the leads: what the
 * platform did (with its own error code) and what to do about it. Stateless.
 */
public final class DigestReport {
    private DigestReport() {}

    /**
     * The reply to the {@code digest} command: "posted" only when the full digest landed everywhere. {@code
     * invocation} is how the reader invokes commands ({@link org.shoptalk.core.chat.ChatPlatform#invocation()}).
     */
    public static String forAsker(Language lang, String invocation, DigestService.Sent sent) {
        Texts t = Texts.get();
        if (sent.problems().isEmpty()) {
            return t.t(lang, "digest.posted");
        }
        String head = sent.posted() == 0
                ? t.t(lang, "digest.report.none")
                : t.t(lang, "digest.report.some", sent.posted(), sent.channels());
        return head + "\n" + lines(lang, invocation, sent.problems()) + "\n" + t.t(lang, "digest.report.leads");
    }

    /** A note to the leads: {@code key} says when the digest was posted, then one line per channel that went wrong. */
    public static String forLeads(Language lang, String invocation, String key, List<DigestService.Delivery> problems) {
        return Texts.get().t(lang, key) + "\n" + lines(lang, invocation, problems);
    }

    private static String lines(Language lang, String invocation, List<DigestService.Delivery> problems) {
        StringBuilder out = new StringBuilder();
        for (DigestService.Delivery d : problems) {
            out.append(out.length() > 0 ? "\n" : "").append("- ").append(line(lang, invocation, d));
        }
        return out.toString();
    }

    static String line(Language lang, String invocation, DigestService.Delivery d) {
        Texts t = Texts.get();
        ChannelRef c = d.channel();
        String platform = platformName(lang, c);
        return d.accept(new DigestService.Delivery.Visitor<>() {
            @Override
            public String posted(DigestService.Delivery.Posted x) {
                return t.t(lang, "digest.channel.posted", c.id());
            }

            @Override
            public String postedShort(DigestService.Delivery.PostedShort x) {
                return t.t(lang, "digest.channel.short", c.id(), platform, code(lang, x.code()));
            }

            @Override
            public String refused(DigestService.Delivery.Refused x) {
                String key = switch (x.reason()) {
                    case TOO_LARGE, INVALID_MESSAGE -> "digest.channel.refused.message";
                    case CHANNEL_UNREACHABLE -> "digest.channel.unreachable";
                    case OTHER -> "digest.channel.refused";
                };
                return t.tFor(lang, invocation, key, c.id(), platform, code(lang, x.code()));
            }

            @Override
            public String delayed(DigestService.Delivery.Delayed x) {
                return t.tFor(lang, invocation, "digest.channel.delayed", c.id(), platform);
            }

            @Override
            public String unconfirmed(DigestService.Delivery.Unconfirmed x) {
                return t.t(lang, "digest.channel.unconfirmed", c.id(), platform);
            }
        });
    }

    private static String code(Language lang, String code) {
        return code == null || code.isBlank() ? Texts.get().t(lang, "digest.code.none") : code;
    }

    private static String platformName(Language lang, ChannelRef channel) {
        return switch (channel.tenant().platform()) {
            case SLACK -> "Slack";
            case TEAMS -> "Teams";
            case LOCAL -> Texts.get().t(lang, "digest.platform.local");
        };
    }
}
