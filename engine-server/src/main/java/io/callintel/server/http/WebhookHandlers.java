package io.callintel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.store.UseCaseStore;
import io.callintel.server.store.JdbcWebhooks;
import io.callintel.server.store.WebhookEvents;
import io.javalin.http.Context;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The organization's webhooks: created (the signing secret shown once), listed, deleted; their delivery log. */
final class WebhookHandlers {

    private final JdbcWebhooks webhooks;
    private final UseCaseStore useCases;
    private final ObjectMapper json;
    private final Views views;

    WebhookHandlers(JdbcWebhooks webhooks, UseCaseStore useCases, ObjectMapper json, Views views) {
        this.webhooks = webhooks;
        this.useCases = useCases;
        this.json = json;
        this.views = views;
    }

    void create(Context ctx) {
        String org = Caller.org(ctx);
        JsonBody body = JsonBody.parse(json, ctx.body());
        String url = body.requiredText("url");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("url", "url is not a URL: " + e.getMessage());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw ApiError.badRequest("url", "url must be an http:// or https:// URL with a host");
        }
        List<String> events = events(body.node().get("events"));
        Optional<String> useCase = body.optionalUuid("usecase_uuid");
        useCase.ifPresent(uuid -> useCases.find(org, uuid).orElseThrow(() -> ApiError.notFound("Use case")));
        JdbcWebhooks.Created created = webhooks.create(org, url, events, useCase);
        ctx.status(201)
                .json(webhook(created.webhook())
                        .put("secret", created.secret())
                        .put(
                                "message",
                                "Keep the secret: it is shown only now. Check each delivery's Callintel-Signature"
                                        + " (t=TIMESTAMP,v1=HMAC-SHA256 of TIMESTAMP.BODY) with it"));
    }

    void list(Context ctx) {
        ObjectNode node = views.object().put("org_uuid", Caller.org(ctx));
        var items = node.putArray("webhooks");
        webhooks.list(Caller.org(ctx)).forEach(webhook -> items.add(webhook(webhook)));
        ctx.json(node);
    }

    void delete(Context ctx) {
        if (!webhooks.delete(Caller.org(ctx), ctx.pathParam("id"))) {
            throw ApiError.notFound("Webhook");
        }
        ctx.status(204);
    }

    void deliveries(Context ctx) {
        JdbcWebhooks.Webhook webhook = find(ctx);
        ObjectNode node = views.object().put("webhook_id", webhook.id());
        var items = node.putArray("deliveries");
        for (JdbcWebhooks.Delivery d :
                webhooks.deliveries(webhook.id(), Paging.fromQuery(ctx, 50).limit())) {
            ObjectNode item = items.addObject()
                    .put("id", d.id())
                    .put("event", d.event())
                    .put("status", d.status())
                    .put("attempts", d.attempts())
                    .put("created_at", d.createdAt().toString())
                    .put(
                            "next_attempt_at",
                            d.status().equals("pending") ? d.nextAttemptAt().toString() : null)
                    .put("delivered_at", d.deliveredAt().map(Object::toString).orElse(null))
                    .put("last_error", d.lastError().orElse(null));
            d.lastStatus().ifPresentOrElse(s -> item.put("last_status", s), () -> item.putNull("last_status"));
            item.set("payload", parse(d.payload()));
        }
        ctx.json(node);
    }

    void redeliver(Context ctx) {
        JdbcWebhooks.Webhook webhook = find(ctx);
        if (!webhooks.redeliver(webhook.id(), ctx.pathParam("delivery_id"))) {
            throw ApiError.notFound("Delivery");
        }
        ctx.json(views.object().put("id", ctx.pathParam("delivery_id")).put("status", "pending"));
    }

    private JdbcWebhooks.Webhook find(Context ctx) {
        return webhooks.find(Caller.org(ctx), ctx.pathParam("id")).orElseThrow(() -> ApiError.notFound("Webhook"));
    }

    private static List<String> events(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw ApiError.badRequest("events", "events must be a non-empty list of " + WebhookEvents.ALL);
        }
        List<String> events = new ArrayList<>();
        for (JsonNode event : node) {
            if (!event.isTextual() || !WebhookEvents.ALL.contains(event.asText())) {
                throw ApiError.badRequest("events", "events may only hold " + WebhookEvents.ALL + ", got " + event);
            }
            if (!events.contains(event.asText())) {
                events.add(event.asText());
            }
        }
        return events;
    }

    private ObjectNode webhook(JdbcWebhooks.Webhook webhook) {
        ObjectNode node = views.object()
                .put("id", webhook.id())
                .put("url", webhook.url())
                .put("usecase_uuid", webhook.useCase().orElse(null))
                .put("created_at", webhook.createdAt().toString());
        webhook.events().forEach(node.putArray("events")::add);
        return node;
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (java.io.IOException e) {
            return json.getNodeFactory().textNode(payload);
        }
    }
}
