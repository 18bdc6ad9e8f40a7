package org.shoptalk.app;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shoptalk.core.digest.DigestExport;
import org.shoptalk.core.digest.DigestHistory;
import org.shoptalk.core.digest.DigestTokens;
import org.shoptalk.core.guild.Guild;
import org.shoptalk.core.i18n.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digest's web page ({@code GET /digest/{token}}) and its exports ({@code /digest/{token}/export.md|csv|json}).
 * The token is the only key: a changed or unknown one gets the same plain 403 page, an expired one (or one
 * whose guild is gone) the same 410 page, so a refusal says nothing about any guild. What a link opens is the
 * guild's history up to the end of the digest it came with. Thread-safe.
 */
final class DigestPages {
    static final int CHART_WEEKS = 12;
    static final int MAX_WEEKS = 52;
    private static final String WEEKS_FORM = "weeks=N with N a whole number from 1 to " + MAX_WEEKS + ", e.g. ?weeks=4";
    private static final String DATES_FORM = "from=YYYY-MM-DD&to=YYYY-MM-DD, e.g. ?from=2026-09-01&to=2026-11-30";

    private static final Logger LOG = LoggerFactory.getLogger(DigestPages.class);

    private final DigestHistory history;
    private final DigestTokens tokens;
    private final Mustache page;
    private final Mustache message;

    DigestPages(DigestHistory history, DigestTokens tokens) {
        this.history = history;
        this.tokens = tokens;
        DefaultMustacheFactory templates = new DefaultMustacheFactory("org/shoptalk/app/digest");
        this.page = templates.compile("page.mustache");
        this.message = templates.compile("message.mustache");
    }

    void mount(RoutesConfig routes) {
        routes.get("/digest/{token}", ctx -> guarded(ctx, this::page));
        routes.get("/digest/{token}/{file}", ctx -> guarded(ctx, this::export));
    }

    // The server's own error log names the path, and here the path holds a working link: log the failure here,
    // without it, and answer with a page.
    private void guarded(Context ctx, Handler handler) {
        try {
            handler.handle(ctx);
        } catch (RuntimeException e) {
            StackTraceElement[] trace = e.getStackTrace();
            LOG.error("digest page failed: {} at {}", e.getClass().getName(), trace.length == 0 ? "?" : trace[0]);
            html(
                    ctx,
                    500,
                    message,
                    messages(
                            "Something went wrong on our side.",
                            "Please try again in a while.",
                            "Er ging bij ons iets mis.",
                            "Probeer het over een tijdje opnieuw."));
        }
    }

    @FunctionalInterface
    private interface Handler {
        void handle(Context ctx);
    }

    private record Opened(Guild guild, DigestTokens.Access.Granted access) {}

    private void page(Context ctx) {
        Optional<Opened> opened = open(ctx);
        if (opened.isEmpty()) {
            return;
        }
        Guild guild = opened.get().guild();
        Instant end = opened.get().access().periodEnd();
        String weeksParam = ctx.queryParam("weeks");
        Optional<Integer> weeks = weeksParam == null ? Optional.of(1) : PeriodQuery.weeks(weeksParam, MAX_WEEKS);
        if (weeks.isEmpty()) {
            badRequest(ctx, "The period is not one this page knows.", WEEKS_FORM);
            return;
        }
        if (removed(ctx, guild, end)) {
            return;
        }
        DigestHistory.Period period = history.read(guild, DigestHistory.periodStart(end, weeks.get()), end);
        List<DigestHistory.Week> chart = history.weekly(guild, end, CHART_WEEKS);
        String token = ctx.pathParam("token");
        html(
                ctx,
                200,
                page,
                DigestPageView.of(
                        period, chart, weeks.get(), opened.get().access().expiresAt(), token));
    }

    private void export(Context ctx) {
        Optional<Opened> opened = open(ctx);
        if (opened.isEmpty()) {
            return;
        }
        String file = ctx.pathParam("file");
        Optional<DigestExport> format =
                file.startsWith("export.") ? DigestExport.parse(file.substring("export.".length())) : Optional.empty();
        if (format.isEmpty()) {
            html(
                    ctx,
                    404,
                    message,
                    messages(
                            "This page does not exist.",
                            "Exports are export.md, export.csv and export.json.",
                            "Deze pagina bestaat niet.",
                            "Exports zijn export.md, export.csv en export.json."));
            return;
        }
        Guild guild = opened.get().guild();
        Instant end = opened.get().access().periodEnd();
        Optional<PeriodQuery> query = PeriodQuery.parse(
                ctx.queryParam("weeks"), ctx.queryParam("from"), ctx.queryParam("to"), guild, end, MAX_WEEKS);
        if (query.isEmpty()) {
            badRequest(ctx, "The period is not one this export knows.", WEEKS_FORM + ", or " + DATES_FORM);
            return;
        }
        if (removed(ctx, guild, query.get().to())) {
            return;
        }
        DigestHistory.Period period =
                history.read(guild, query.get().from(), query.get().to());
        secure(ctx);
        ctx.header(
                "Content-Disposition", "attachment; filename=\"" + PeriodQuery.fileName(period, format.get()) + "\"");
        ctx.status(200)
                .contentType(format.get().contentType())
                .result(format.get().write(period));
    }

    /**
     * A period that ends before what the guild's retention purged has nothing left to show: say so honestly, in the
     * guild's language (issue 15, section 4), rather than show an empty week. 410: it existed and is gone for good.
     */
    private boolean removed(Context ctx, Guild guild, Instant periodEnd) {
        Instant purgedBefore = guild.keeping().purgedBefore();
        if (purgedBefore == null || periodEnd.isAfter(purgedBefore)) {
            return false;
        }
        Texts texts = Texts.get();
        String title = texts.t(guild.language(), "retention.page.title");
        String text = texts.t(
                guild.language(),
                "retention.page.text",
                purgedBefore.atZone(guild.zone()).toLocalDate().toString(),
                guild.name(),
                guild.keeping().retentionMonths());
        html(
                ctx,
                410,
                message,
                Map.of(
                        "title",
                        title,
                        "parts",
                        List.of(Map.of("lang", guild.language().code(), "title", title, "text", text))));
        return true;
    }

    private Optional<Opened> open(Context ctx) {
        DigestTokens.Access access = tokens.check(ctx.pathParam("token"));
        if (access instanceof DigestTokens.Access.Granted granted) {
            Optional<Guild> guild = history.guild(granted.guildId());
            if (guild.isPresent()) {
                return Optional.of(new Opened(guild.get(), granted));
            }
            gone(ctx);
        } else if (access instanceof DigestTokens.Access.Expired) {
            gone(ctx);
        } else {
            html(
                    ctx,
                    403,
                    message,
                    messages(
                            "This link does not open a digest.",
                            "Check that the whole link was copied from the digest in your channel.",
                            "Deze link opent geen digest.",
                            "Kijk of de hele link uit de digest in je kanaal is gekopieerd."));
        }
        return Optional.empty();
    }

    private void gone(Context ctx) {
        html(
                ctx,
                410,
                message,
                messages(
                        "This link has expired.",
                        "Digest links work for a while only. The next digest in your guild's channel brings a fresh one.",
                        "Deze link is verlopen.",
                        "Digest-links werken maar een tijd. De volgende digest in het kanaal van je guild heeft een nieuwe."));
    }

    private void badRequest(Context ctx, String problem, String expected) {
        html(
                ctx,
                400,
                message,
                Map.of(
                        "title",
                        "Bad request",
                        "parts",
                        List.of(Map.of("lang", "en", "title", problem, "text", "Use " + expected + "."))));
    }

    private static Map<String, Object> messages(String enTitle, String enText, String nlTitle, String nlText) {
        return Map.of(
                "title",
                enTitle,
                "parts",
                List.of(
                        Map.of("lang", "en", "title", enTitle, "text", enText),
                        Map.of("lang", "nl", "title", nlTitle, "text", nlText)));
    }

    private static void html(Context ctx, int status, Mustache template, Object scope) {
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        secure(ctx);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    // The token is in the address: keep it out of Referer headers, caches and search engines, and let the
    // page run no script at all.
    private static void secure(Context ctx) {
        ctx.header(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:;"
                        + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
    }
}
