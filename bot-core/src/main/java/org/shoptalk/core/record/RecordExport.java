package org.shoptalk.core.record;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.shoptalk.core.record.PersonalRecord.AnswerEntry;
import org.shoptalk.core.record.PersonalRecord.GoalEntry;
import org.shoptalk.core.record.PersonalRecord.Review;
import org.shoptalk.core.record.PersonalRecord.SessionEntry;

/**
 * The files a record is exported as (docs/record.md): Markdown, and PDF rendered by openhtmltopdf from our own XHTML
 * template. People's words are written literally in both: escaped for Markdown and for XML. Thread-safe.
 */
public enum RecordExport {
    PDF("pdf", "application/pdf"),
    MARKDOWN("md", "text/markdown; charset=utf-8");

    /**
     * The font embedded (as a subset) in every PDF: Liberation Sans Regular, which PDFBox ships in its own jar for its
     * font fallback (SIL Open Font License 1.1: LiberationSans-LICENSE.txt beside this class; docs/record.md). It covers
     * Latin with its extensions, Greek and Cyrillic; PDF standard fonts would show only Western European letters.
     */
    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    static final String FONT_FAMILY = "Liberation Sans";

    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>#|~!])");

    private final String extension;
    private final String contentType;

    RecordExport(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The format of a file name's extension ("record.pdf", "record.md"). */
    public static Optional<RecordExport> ofFile(String file) {
        for (RecordExport e : values()) {
            if (file.toLowerCase(Locale.ROOT).equals("record." + e.extension)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public byte[] write(PersonalRecord record) {
        return switch (this) {
            case MARKDOWN -> markdown(record).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf(html(record));
        };
    }

    static String markdown(PersonalRecord r) {
        RecordText x = new RecordText(r);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(x.title()).append("\n\n").append(x.period()).append("\n\n");
        md.append("## ").append(x.t("record.totals")).append("\n\n");
        x.totals().forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n## ").append(x.t("record.answers")).append("\n\n");
        if (r.answers().isEmpty()) {
            md.append(x.t("record.empty")).append("\n\n");
        }
        for (AnswerEntry a : r.answers()) {
            md.append("### ")
                    .append(x.day(a.at()))
                    .append(" · ")
                    .append(md(a.question()))
                    .append("\n\n");
            md.append('*').append(x.dimensions(a.dimensions()));
            if (a.anonymous()) {
                md.append(" · ").append(x.t("record.anonymous"));
            }
            md.append("*\n\n").append(quote(a.text())).append("\n\n");
        }
        md.append("## ").append(x.t("record.goals")).append("\n\n");
        if (r.goals().isEmpty()) {
            md.append(x.t("record.empty")).append("\n\n");
        }
        for (GoalEntry g : r.goals()) {
            md.append("### ")
                    .append(x.day(g.setAt()))
                    .append(" · ")
                    .append(md(g.statement()))
                    .append("\n\n");
            if (g.forWhom() != null && !g.forWhom().isBlank()) {
                md.append("- ").append(x.t("record.goal.for", md(g.forWhom()))).append('\n');
            }
            if (g.reviewOn() != null) {
                md.append("- ")
                        .append(x.t("record.goal.review.on", g.reviewOn()))
                        .append('\n');
            }
            for (Review rv : g.reviews()) {
                md.append("- ")
                        .append(x.t("record.goal.review", x.day(rv.at())))
                        .append(": ");
                md.append(rv.myAnswer() == null ? x.t("record.goal.review.none") : md(oneLine(rv.myAnswer())));
                md.append('\n');
            }
            md.append('\n');
        }
        md.append("## ").append(x.t("record.sessions")).append("\n\n");
        if (r.sessions().isEmpty()) {
            md.append(x.t("record.empty")).append("\n\n");
        }
        for (SessionEntry s : r.sessions()) {
            md.append("### ")
                    .append(x.day(s.startedAt()))
                    .append(" · ")
                    .append(md(s.method()))
                    .append(" #")
                    .append(s.id())
                    .append("\n\n");
            md.append("- ").append(x.role(s)).append('\n');
            md.append("- ").append(x.time(s)).append('\n');
            md.append("- ").append(x.dimensions(s.dimensions())).append("\n\n");
            for (String takeaway : s.takeaways()) {
                md.append(x.t("record.takeaway"))
                        .append(":\n\n")
                        .append(quote(takeaway))
                        .append("\n\n");
            }
        }
        md.append("---\n\n").append(x.t("record.footer")).append('\n');
        return md.toString();
    }

    static String html(PersonalRecord r) {
        RecordText x = new RecordText(r);
        StringBuilder h = new StringBuilder();
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(r.language().code())
                .append("\"><head><meta charset=\"UTF-8\"/><title>")
                .append(xml(x.title()))
                .append("</title><style>")
                .append("body{font-family:'" + FONT_FAMILY
                        + "',sans-serif;font-size:10.5pt;line-height:1.4;color:#222}")
                .append("h1{font-size:18pt;margin-bottom:2pt}h2{font-size:13pt;border-bottom:1px solid #999;")
                .append("margin-top:16pt}h3{font-size:11pt;margin:10pt 0 2pt}.meta{color:#555;font-size:9pt}")
                .append("blockquote{margin:4pt 0 4pt 10pt;padding-left:8pt;border-left:2px solid #bbb;")
                .append("white-space:pre-wrap}@page{size:A4;margin:18mm}")
                .append("</style></head><body>");
        h.append("<h1>")
                .append(xml(x.title()))
                .append("</h1><p class=\"meta\">")
                .append(xml(x.period()))
                .append("</p>");
        h.append("<h2>").append(xml(x.t("record.totals"))).append("</h2><ul>");
        x.totals().forEach(line -> h.append("<li>").append(xml(line)).append("</li>"));
        h.append("</ul><h2>").append(xml(x.t("record.answers"))).append("</h2>");
        if (r.answers().isEmpty()) {
            h.append("<p>").append(xml(x.t("record.empty"))).append("</p>");
        }
        for (AnswerEntry a : r.answers()) {
            h.append("<h3>")
                    .append(xml(x.day(a.at()) + " · " + a.question()))
                    .append("</h3><p class=\"meta\">")
                    .append(xml(x.dimensions(a.dimensions()) + (a.anonymous() ? " · " + x.t("record.anonymous") : "")))
                    .append("</p><blockquote>")
                    .append(xml(a.text()))
                    .append("</blockquote>");
        }
        h.append("<h2>").append(xml(x.t("record.goals"))).append("</h2>");
        if (r.goals().isEmpty()) {
            h.append("<p>").append(xml(x.t("record.empty"))).append("</p>");
        }
        for (GoalEntry g : r.goals()) {
            h.append("<h3>")
                    .append(xml(x.day(g.setAt()) + " · " + g.statement()))
                    .append("</h3><ul>");
            if (g.forWhom() != null && !g.forWhom().isBlank()) {
                h.append("<li>")
                        .append(xml(x.t("record.goal.for", g.forWhom())))
                        .append("</li>");
            }
            if (g.reviewOn() != null) {
                h.append("<li>")
                        .append(xml(x.t("record.goal.review.on", g.reviewOn())))
                        .append("</li>");
            }
            for (Review rv : g.reviews()) {
                h.append("<li>")
                        .append(xml(x.t("record.goal.review", x.day(rv.at())) + ": "
                                + (rv.myAnswer() == null ? x.t("record.goal.review.none") : rv.myAnswer())))
                        .append("</li>");
            }
            h.append("</ul>");
        }
        h.append("<h2>").append(xml(x.t("record.sessions"))).append("</h2>");
        if (r.sessions().isEmpty()) {
            h.append("<p>").append(xml(x.t("record.empty"))).append("</p>");
        }
        for (SessionEntry s : r.sessions()) {
            h.append("<h3>")
                    .append(xml(x.day(s.startedAt()) + " · " + s.method() + " #" + s.id()))
                    .append("</h3><p class=\"meta\">")
                    .append(xml(x.role(s) + " · " + x.time(s) + " · " + x.dimensions(s.dimensions())))
                    .append("</p>");
            for (String takeaway : s.takeaways()) {
                h.append("<p>")
                        .append(xml(x.t("record.takeaway")))
                        .append(":</p><blockquote>")
                        .append(xml(takeaway))
                        .append("</blockquote>");
            }
        }
        h.append("<p class=\"meta\">").append(xml(x.t("record.footer"))).append("</p></body></html>");
        return h.toString();
    }

    private static byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // The regular face for bold too (PDFBox ships no bold one), so headings are never set in a standard font.
            for (int weight : new int[] {400, 700}) {
                builder.useFont(RecordExport::font, FONT_FAMILY, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
            }
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the record could not be written as PDF", e);
        }
        return out.toByteArray();
    }

    private static InputStream font() {
        InputStream in = PDDocument.class.getResourceAsStream(FONT);
        if (in == null) {
            throw new IllegalStateException("the PDF font " + FONT + " is missing from PDFBox's jar");
        }
        return in;
    }

    /** XML text: the five characters XML gives meaning to, and control characters XML does not allow, dropped. */
    static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String md(String s) {
        return MARKDOWN_SPECIAL.matcher(oneLine(s)).replaceAll("\\\\$1");
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder();
        text.strip()
                .lines()
                .forEach(line -> out.append(out.length() > 0 ? "\n" : "")
                        .append("> ")
                        .append(MARKDOWN_SPECIAL.matcher(line).replaceAll("\\\\$1")));
        return out.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
