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
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digest's web page ({@code GET /digest/{token}}) and its exports ({@code /digest/{token}/export.md|csv|json}).
 * The token is the only key: a changed or unknown one gets the same plain 403 page, an expired one (or one
 * whose guild is gone) the same 410 page, so a refusal says nothing about any guild. What a link opens is the
 * guild's history up to the end of the digest it came with. Error pages speak the guild's language when the link
 * names a guild, else the browser's ({@code Accept-Language}); their texts are core's catalog ({@code page.error.*},
 * issue 12). Thread-safe.
 */
final class DigestPages {
    static final int CHART_WEEKS = 12;
    static final int MAX_WEEKS = 52;

    private static final Logger LOG = LoggerFactory.getLogger(DigestPages.class);
    private static final Texts TEXTS = Texts.get();

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
            problem(ctx, 500, browser(ctx), "page.error.failed", "page.error.failed.text");
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
            Language lang = guild.language();
            badRequest(ctx, lang, "page.error.period", TEXTS.t(lang, "page.error.weeks", MAX_WEEKS));
            return;
        }
        if (removed(ctx, guild, end)) {
            return;
        }
        DigestHistory.Period period =
                history.read(guild, DigestHistory.periodStart(end, weeks.get(), guild.zone()), end);
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
            problem(ctx, 404, opened.get().guild().language(), "page.error.missing", "page.error.missing.text");
            return;
        }
        Guild guild = opened.get().guild();
        Instant end = opened.get().access().periodEnd();
        Optional<PeriodQuery> query = PeriodQuery.parse(
                ctx.queryParam("weeks"), ctx.queryParam("from"), ctx.queryParam("to"), guild, end, MAX_WEEKS);
        if (query.isEmpty()) {
            Language lang = guild.language();
            badRequest(ctx, lang, "page.error.period.export", TEXTS.t(lang, "page.error.weeks.or.dates", MAX_WEEKS));
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
                purgedBefore.atZone(guild.zone()).toLocalDate(),
                guild.name(),
                guild.keeping().retentionMonths());
        page(ctx, 410, guild.language(), title, text);
        return true;
    }

    private Optional<Opened> open(Context ctx) {
        DigestTokens.Access access = tokens.check(ctx.pathParam("token"));
        return access.accept(new DigestTokens.Access.Visitor<>() {
            @Override
            public Optional<Opened> granted(DigestTokens.Access.Granted granted) {
                Optional<Guild> guild = history.guild(granted.guildId());
                if (guild.isPresent()) {
                    return Optional.of(new Opened(guild.get(), granted));
                }
                gone(ctx);
                return Optional.empty();
            }

            @Override
            public Optional<Opened> refused(DigestTokens.Access.Refused refused) {
                problem(ctx, 403, browser(ctx), "page.error.forbidden", "page.error.forbidden.text");
                return Optional.empty();
            }

            @Override
            public Optional<Opened> expired(DigestTokens.Access.Expired expired) {
                gone(ctx);
                return Optional.empty();
            }
        });
    }

    // An expired link names no guild it may still speak for: the browser's language.
    private void gone(Context ctx) {
        problem(ctx, 410, browser(ctx), "page.error.gone", "page.error.gone.text");
    }

    private void badRequest(Context ctx, Language lang, String problemKey, String expected) {
        page(ctx, 400, lang, TEXTS.t(lang, problemKey), TEXTS.t(lang, "page.error.use", expected));
    }

    private void problem(Context ctx, int status, Language lang, String titleKey, String textKey) {
        page(ctx, status, lang, TEXTS.t(lang, titleKey), TEXTS.t(lang, textKey));
    }

    private void page(Context ctx, int status, Language lang, String title, String text) {
        html(ctx, status, message, Map.of("lang", lang.code(), "title", title, "text", text));
    }

    private static Language browser(Context ctx) {
        return Language.fromAcceptLanguage(ctx.header("Accept-Language"));
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
