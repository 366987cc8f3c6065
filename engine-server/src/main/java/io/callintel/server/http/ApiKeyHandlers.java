package io.callintel.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.store.UseCaseStore;
import io.callintel.server.auth.ApiKeys;
import io.javalin.http.Context;
import java.util.Optional;

/** The organization's API keys: listed (never the keys themselves), created, renamed and revoked. */
final class ApiKeyHandlers {

    private static final int MAX_NAME = 100;

    private final ApiKeys keys;
    private final UseCaseStore useCases;
    private final ObjectMapper json;
    private final Views views;

    ApiKeyHandlers(ApiKeys keys, UseCaseStore useCases, ObjectMapper json, Views views) {
        this.keys = keys;
        this.useCases = useCases;
        this.json = json;
        this.views = views;
    }

    void list(Context ctx) {
        ObjectNode node = views.object().put("org_uuid", Caller.org(ctx));
        var items = node.putArray("api_keys");
        keys.list(Caller.org(ctx)).forEach(key -> items.add(listed(key)));
        ctx.json(node);
    }

    /** 201 with the key, shown this once. */
    void create(Context ctx) {
        String org = Caller.org(ctx);
        JsonBody body = JsonBody.parse(json, ctx.body());
        String name = name(body);
        Optional<String> useCase = body.optionalUuid("usecase_uuid");
        useCase.ifPresent(uuid -> useCases.find(org, uuid).orElseThrow(() -> ApiError.notFound("Use case")));
        boolean readOnly = body.optionalBoolean("read_only").orElse(false);
        ApiKeys.Created created = keys.create(org, name, useCase, readOnly);
        ctx.status(201)
                .json(views.object()
                        .put("id", created.id())
                        .put("key", created.key())
                        .put("name", name)
                        .put("usecase_uuid", useCase.orElse(null))
                        .put("read_only", readOnly)
                        .put("message", "Keep the key: it is shown only now"));
    }

    void rename(Context ctx) {
        String org = Caller.org(ctx);
        String name = name(JsonBody.parse(json, ctx.body()));
        if (!keys.rename(org, ctx.pathParam("id"), name)) {
            throw ApiError.notFound("API key");
        }
        ctx.json(keys.list(org).stream()
                .filter(key -> key.id().equals(ctx.pathParam("id")))
                .findFirst()
                .map(this::listed)
                .orElseThrow(() -> ApiError.notFound("API key")));
    }

    /** 204; the key stops working at once. */
    void revoke(Context ctx) {
        if (!keys.revoke(Caller.org(ctx), ctx.pathParam("id"))) {
            throw ApiError.notFound("API key");
        }
        ctx.status(204);
    }

    private static String name(JsonBody body) {
        String name = body.requiredText("name");
        if (name.length() > MAX_NAME) {
            throw ApiError.badRequest("name", "name must be at most " + MAX_NAME + " characters");
        }
        return name;
    }

    private ObjectNode listed(ApiKeys.Listed key) {
        return views.object()
                .put("id", key.id())
                .put("name", key.name())
                .put("created_at", key.createdAt().toString())
                .put("last_used_at", key.lastUsedAt().map(Object::toString).orElse(null))
                .put("usecase_uuid", key.useCase().orElse(null))
                .put("read_only", key.readOnly());
    }
}
