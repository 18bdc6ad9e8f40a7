package org.shoptalk.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shoptalk.core.local.LocalChat;
import org.shoptalk.core.local.LocalInputException;
import org.shoptalk.core.local.LocalMessage;
import org.shoptalk.core.local.LocalPost;
import org.shoptalk.core.local.NoSuchMessageException;

/**
 * The local console's page ({@code GET /local}, {@link ConsolePage}) and JSON API. Translation only: every rule about
 * messages, and who sees which, lives in {@link LocalChat}; {@link ConsoleGuard} refuses other sites.
 * Bad input gets 400 with what was wrong and the right form, unknown ids 404.
 */
final class LocalConsoleApi {
    static final String POST_FORM = "POST /local/api/messages"
            + " {\"channel\":\"general\",\"user\":\"alice\",\"text\":\"hello\",\"thread\":null}";
    static final String EDIT_FORM = "PUT /local/api/messages/{id} {\"text\":\"the new text\"}";

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
        routes.get("/local/api/channels", this::channels);
        routes.get("/local/api/messages", this::list);
        routes.post("/local/api/messages", this::post);
        routes.put("/local/api/messages/{id}", this::edit);
        routes.delete("/local/api/messages/{id}", this::delete);
        routes.exception(
                LocalInputException.class, (e, ctx) -> JsonReplies.error(ctx, 400, e.getMessage(), expectedFor(ctx)));
        routes.exception(NoSuchMessageException.class, (e, ctx) -> JsonReplies.error(ctx, 404, e.getMessage()));
        routes.exception(BadRequest.class, (e, ctx) -> JsonReplies.error(ctx, 400, e.getMessage(), e.expected));
    }

    private void channels(Context ctx) {
        JsonReplies.send(ctx, 200, chat.channels(viewer(ctx)));
    }

    private void list(Context ctx) {
        String channel = ctx.queryParam("channel");
        if (channel == null || channel.isBlank()) {
            throw new BadRequest(
                    "the query parameter \"channel\" is missing",
                    "GET /local/api/messages?channel=general (optionally &user=alice to see what alice sees)");
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
            default -> "GET /local/api/messages?channel=general";
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
            throw new BadRequest("the body is not valid JSON", expected);
        }
        if (body == null || !body.isObject()) {
            throw new BadRequest("the body must be a JSON object", expected);
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
        throw new BadRequest("\"" + field + "\" must be a string", expected);
    }

    /** A request body or query the API cannot read; answered with 400 and the right form. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String expected;

        BadRequest(String message, String expected) {
            super(message);
            this.expected = expected;
        }
    }
}
