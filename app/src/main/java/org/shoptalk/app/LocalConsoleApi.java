package org.shoptalk.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shoptalk.core.Failures;
import org.shoptalk.core.i18n.Language;
import org.shoptalk.core.i18n.Texts;
import org.shoptalk.core.local.LocalChat;
import org.shoptalk.core.local.LocalFailure;
import org.shoptalk.core.local.LocalInputException;
import org.shoptalk.core.local.LocalMessage;
import org.shoptalk.core.local.LocalPost;
import org.shoptalk.core.local.LocalRefusal;
import org.shoptalk.core.local.NoSuchMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local console's page ({@code GET /local}, {@link ConsolePage}) and JSON API. Translation only: every rule about
 * messages, and who sees which, lives in {@link LocalChat}; {@link ConsoleGuard} refuses other sites.
 * Bad input gets 400 as {@code {"error": text, "expected": the request's right form}}, unknown ids 404 as
 * {@code {"error": text}}. The text is core's catalog ({@code console.error.*}, no words of the app's own), in the
 * language of the guild whose channel the request names, else the browser's ({@code Accept-Language}, as the page).
 * A failure on Shoptalk's side (core, or the database refusing) gets 503 when the database is away and 500 otherwise,
 * as {@code {"error": text}} with the apology a failed command gets ({@link LocalFailure}), in the same languages;
 * {@link LocalChat} keeps nothing of a request that failed.
 */
final class LocalConsoleApi {
    private static final Logger LOG = LoggerFactory.getLogger(LocalConsoleApi.class);
    // The right forms are API syntax, the same in every language; what was wrong is a catalog text.
    static final String POST_FORM = "POST /local/api/messages"
            + " {\"channel\":\"general\",\"user\":\"alice\",\"text\":\"...\",\"thread\":null}";
    static final String EDIT_FORM = "PUT /local/api/messages/{id} {\"text\":\"...\"}";
    static final String LIST_FORM = "GET /local/api/messages?channel=general[&user=alice]";

    private final LocalChat chat;
    private final ConsolePage page = new ConsolePage();

    LocalConsoleApi(LocalChat chat) {
        this.chat = chat;
    }

    void mount(RoutesConfig routes) {
        routes.get(
                "/local",
                ctx -> ctx.header("Vary", "Accept-Language")
                        .contentType("text/html; charset=utf-8")
                        .result(page.forBrowser(ctx.header("Accept-Language"))));
        routes.get("/local/api/channels", failingPolitely(this::channels));
        routes.get("/local/api/messages", failingPolitely(this::list));
        routes.post("/local/api/messages", failingPolitely(this::post));
        routes.put("/local/api/messages/{id}", failingPolitely(this::edit));
        routes.delete("/local/api/messages/{id}", failingPolitely(this::delete));
        routes.exception(
                LocalInputException.class,
                (e, ctx) -> JsonReplies.error(ctx, 400, e.text(browserLanguage(ctx)), expectedFor(ctx)));
        routes.exception(
                NoSuchMessageException.class, (e, ctx) -> JsonReplies.error(ctx, 404, e.text(browserLanguage(ctx))));
        routes.exception(BadRequest.class, this::badRequest);
        routes.exception(LocalFailure.class, LocalConsoleApi::failed);
    }

    /**
     * The endpoint, with a failure on Shoptalk's side that core did not word ({@link LocalChat#post}, {@link
     * LocalChat#edit} and {@link LocalChat#delete} do) answered as {@link LocalFailure}: the apology, in the browser's
     * language, rather than the web server's English error.
     */
    private static Handler failingPolitely(Handler endpoint) {
        return ctx -> {
            try {
                endpoint.handle(ctx);
            } catch (LocalRefusal | LocalFailure | BadRequest | HttpResponseException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.error("console {} {} failed: {}", ctx.method().name(), ctx.path(), Failures.describe(e));
                failed(LocalFailure.unworded(e), ctx);
            }
        };
    }

    /** 503 when the database is away (a retry shortly may work), else 500; the apology as {@code {"error": text}}. */
    private static void failed(LocalFailure e, Context ctx) {
        JsonReplies.error(ctx, e.storeAway() ? 503 : 500, e.text(browserLanguage(ctx)));
    }

    private void badRequest(BadRequest e, Context ctx) {
        Optional<Language> guild = e.channel.flatMap(chat::guildLanguage);
        if (guild.isEmpty() && ctx.pathParamMap().containsKey("id")) {
            guild = chat.guildLanguageOfMessage(ctx.pathParam("id"));
        }
        Language language = guild.orElseGet(() -> browserLanguage(ctx));
        JsonReplies.error(ctx, 400, Texts.get().t(language, e.key, e.args), e.expected);
    }

    /** The language the browser asks for; the answer then varies with it, as the page does. */
    private static Language browserLanguage(Context ctx) {
        ctx.header("Vary", "Accept-Language");
        return Language.fromAcceptLanguage(ctx.header("Accept-Language"));
    }

    private void channels(Context ctx) {
        JsonReplies.send(ctx, 200, chat.channels(viewer(ctx)));
    }

    private void list(Context ctx) {
        String channel = ctx.queryParam("channel");
        if (channel == null || channel.isBlank()) {
            throw new BadRequest(LIST_FORM, Optional.empty(), "console.error.query.channel");
        }
        List<Map<String, Object>> messages = chat.seen(channel, viewer(ctx)).stream()
                .map(LocalConsoleApi::json)
                .toList();
        JsonReplies.send(ctx, 200, messages);
    }

    /** Whose view to show; without one, only what everybody sees. */
    private static Optional<String> viewer(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("user")).filter(u -> !u.isBlank());
    }

    private void post(Context ctx) {
        JsonNode body = object(ctx, POST_FORM);
        LocalPost posted = chat.post(
                text(body, "channel", POST_FORM),
                text(body, "user", POST_FORM),
                text(body, "text", POST_FORM),
                text(body, "thread", POST_FORM));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", posted.id());
        answer.put("thread", posted.thread());
        JsonReplies.send(ctx, 201, answer);
    }

    private void edit(Context ctx) {
        JsonNode body = object(ctx, EDIT_FORM);
        LocalMessage edited = chat.edit(ctx.pathParam("id"), text(body, "text", EDIT_FORM));
        JsonReplies.send(ctx, 200, json(edited));
    }

    private void delete(Context ctx) {
        chat.delete(ctx.pathParam("id"));
        ctx.status(204);
    }

    private static String expectedFor(Context ctx) {
        return switch (ctx.method().name()) {
            case "POST" -> POST_FORM;
            case "PUT" -> EDIT_FORM;
            default -> LIST_FORM;
        };
    }

    static Map<String, Object> json(LocalMessage m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id());
        json.put("thread", m.thread());
        json.put("user", m.user());
        json.put("text", m.text());
        json.put("visibleTo", m.visibleTo());
        json.put("ts", m.ts().toString());
        json.put("edited", m.edited());
        json.put("blocks", m.blocks() == null ? null : blocks(m.blocks()));
        return json;
    }

    /** Core's stored blocks, passed on as JSON as they are (the page renders them). */
    private static JsonNode blocks(String json) {
        try {
            return JsonReplies.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored blocks are not JSON", e);
        }
    }

    private static JsonNode object(Context ctx, String expected) {
        JsonNode body;
        try {
            body = JsonReplies.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw new BadRequest(expected, Optional.empty(), "console.error.body.json");
        }
        if (body == null || !body.isObject()) {
            throw new BadRequest(expected, Optional.empty(), "console.error.body.object");
        }
        return body;
    }

    /** A field that may be missing or null; numbers are taken as their text (ids are numeric). */
    private static String text(JsonNode body, String field, String expected) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() || value.isIntegralNumber()) {
            return value.asText();
        }
        JsonNode channel = body.get("channel");
        Optional<String> named =
                Optional.ofNullable(channel).filter(JsonNode::isTextual).map(JsonNode::asText);
        throw new BadRequest(expected, named, "console.error.field.string", field);
    }

    /**
     * A request body or query the API cannot read; answered with 400, the catalog text {@code key} and the right form.
     * {@code channel}: the channel the request names, if it could be read, for the guild's language.
     */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String expected;
        final transient Optional<String> channel;
        final String key;
        final transient Object[] args;

        BadRequest(String expected, Optional<String> channel, String key, Object... args) {
            super(key);
            this.expected = expected;
            this.channel = channel;
            this.key = key;
            this.args = args.clone();
        }
    }
}
