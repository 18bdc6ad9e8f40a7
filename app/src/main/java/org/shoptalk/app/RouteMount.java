package org.shoptalk.app;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shoptalk.core.web.HttpAnswer;
import org.shoptalk.core.web.HttpCall;
import org.shoptalk.core.web.Route;

/**
 * Serves adapters' endpoints on Javalin: each {@link Route} gets a handler that copies the request into an
 * {@link HttpCall} (the body byte for byte, for signature checks) and the {@link HttpAnswer} back.
 */
final class RouteMount {
    private RouteMount() {}

    static void mount(RoutesConfig routes, List<Route> adapterRoutes) {
        for (Route route : adapterRoutes) {
            HandlerType method = HandlerType.findOrCreate(route.method().toUpperCase(Locale.ROOT));
            routes.addHttpHandler(
                    method, route.path(), ctx -> answer(ctx, route.endpoint().handle(call(ctx))));
        }
    }

    static HttpCall call(Context ctx) {
        return new HttpCall(
                ctx.method().name(), ctx.path(), ctx.queryParamMap(), headers(ctx.req()), ctx.bodyAsBytes(), ctx.ip());
    }

    static void answer(Context ctx, HttpAnswer answer) {
        ctx.status(answer.status());
        answer.headers().forEach(ctx::header);
        ctx.contentType(answer.contentType());
        ctx.result(answer.body());
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }
}
