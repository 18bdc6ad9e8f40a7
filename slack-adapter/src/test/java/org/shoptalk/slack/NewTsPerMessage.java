package org.shoptalk.slack;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A WireMock transformer for chat.postMessage: each message gets a ts of its own, as Slack gives, so threads can be
 * told apart; optionally a message is refused first, with the error Slack gives. Register it as an extension and
 * stub chat.postMessage with {@code aResponse().withTransformers(NewTsPerMessage.NAME)}. Shared through this module's
 * test-jar.
 */
public final class NewTsPerMessage implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "new-ts-per-message";
    private final AtomicInteger next = new AtomicInteger();
    private final UnaryOperator<String> refusal;

    /** Every message is taken. */
    public NewTsPerMessage() {
        this(blocks -> null);
    }

    /** @param refusal from the message's {@code blocks} form field (JSON, or null): Slack's error, or null to take it */
    public NewTsPerMessage(UnaryOperator<String> refusal) {
        this.refusal = refusal;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String broken = refusal.apply(field(event.getRequest().getBodyAsString(), "blocks"));
        if (broken != null) {
            return ResponseDefinitionBuilder.okForJson(Map.of("ok", false, "error", broken))
                    .build();
        }
        String ts = String.format("1700000000.%06d", next.incrementAndGet());
        return ResponseDefinitionBuilder.okForJson(Map.of("ok", true, "channel", "C1", "ts", ts))
                .build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** One field of a form-encoded body, or null. */
    private static String field(String form, String name) {
        for (String pair : form.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq > 0
                    && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8)
                            .equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
