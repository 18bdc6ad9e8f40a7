package org.shoptalk.core.record;

import java.util.Map;
import java.util.Optional;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.web.HttpAnswer;
import org.shoptalk.core.web.HttpCall;
import org.shoptalk.core.web.Route;

/**
 * The record's files on the web ({@code GET /record/{token}/record.pdf|record.md}), served by the app next to the
 * digest page. The token is the only key: a changed or foreign one gets the same plain 403, an expired one 410, so a
 * refusal says nothing about anyone. Answers carry the digest page's privacy headers. Thread-safe.
 */
public final class RecordPage implements Route.Endpoint {
    private final Records records;
    private final RecordTokens tokens;

    public RecordPage(Records records, RecordTokens tokens) {
        this.records = records;
        this.tokens = tokens;
    }

    /** The route the app mounts. */
    public Route route() {
        return new Route("GET", RecordLinks.PATH + "{token}/{file}", this);
    }

    @Override
    public HttpAnswer handle(HttpCall call) {
        String rest = call.path().startsWith(RecordLinks.PATH) ? call.path().substring(RecordLinks.PATH.length()) : "";
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return message(404, "record.web.missing");
        }
        RecordTokens.Checked checked = tokens.check(rest.substring(0, slash));
        if (checked.expired()) {
            return message(410, "record.web.expired");
        }
        if (checked.grant().isEmpty()) {
            return message(403, "record.web.refused");
        }
        Optional<RecordExport> format = RecordExport.ofFile(rest.substring(slash + 1));
        if (format.isEmpty()) {
            return message(404, "record.web.missing");
        }
        RecordTokens.Grant g = checked.grant().get();
        PersonalRecord record = records.build(g.person(), g.language(), g.zone(), g.from(), g.to(), g.only());
        String name = "shoptalk-record-" + g.from() + "-" + g.to() + "."
                + format.get().extension();
        return new HttpAnswer(
                200,
                headers(Map.of("Content-Disposition", "attachment; filename=\"" + name + "\"")),
                format.get().contentType(),
                format.get().write(record));
    }

    /** The same words in both languages: we cannot tell whose link it was. */
    private static HttpAnswer message(int status, String key) {
        String text = Texts.get().t(Language.EN, key) + "\n\n" + Texts.get().t(Language.NL, key) + "\n";
        return new HttpAnswer(
                status,
                headers(Map.of()),
                "text/plain; charset=utf-8",
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    // The token is in the address: keep it out of Referer headers, caches and search engines.
    private static Map<String, String> headers(Map<String, String> more) {
        Map<String, String> h = new java.util.HashMap<>(more);
        h.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cache-Control", "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Robots-Tag", "noindex, nofollow");
        return h;
    }
}
