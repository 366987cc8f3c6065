package io.callintel.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.store.Page;
import io.callintel.core.store.PageRequest;
import io.callintel.core.store.UseCaseStore;
import io.callintel.core.usecase.UseCase;
import io.callintel.engine.json.UseCaseJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Use cases in the {@code usecase} table; tags, buckets and the analysis configuration as JSON. */
public final class JdbcUseCaseStore implements UseCaseStore {

    private static final String COLUMNS =
            "uuid, org, name, description, tags, buckets, analysis, created_at, updated_at";

    private final Database db;
    private final ObjectMapper json;

    public JdbcUseCaseStore(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public void create(UseCase u) {
        db.update(
                "INSERT INTO usecase (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                u.uuid(),
                u.org(),
                u.name(),
                u.description(),
                write(u.tags()),
                write(u.buckets()),
                analysis(u),
                u.createdAt().toEpochMilli(),
                u.updatedAt().toEpochMilli());
    }

    @Override
    public Optional<UseCase> find(String org, String uuid) {
        return db.queryOne("SELECT " + COLUMNS + " FROM usecase WHERE uuid = ? AND org = ?", this::map, uuid, org);
    }

    @Override
    public boolean update(UseCase u) {
        return db.update(
                        "UPDATE usecase SET name = ?, description = ?, tags = ?, buckets = ?, analysis = ?, updated_at = ?"
                                + " WHERE uuid = ? AND org = ?",
                        u.name(),
                        u.description(),
                        write(u.tags()),
                        write(u.buckets()),
                        analysis(u),
                        u.updatedAt().toEpochMilli(),
                        u.uuid(),
                        u.org())
                == 1;
    }

    @Override
    public boolean delete(String org, String uuid) {
        return db.update("DELETE FROM usecase WHERE uuid = ? AND org = ?", uuid, org) == 1;
    }

    @Override
    public Page<UseCase> list(String org, Optional<String> tag, PageRequest page) {
        String where = " FROM usecase WHERE org = ?"
                + (tag.isPresent() ? " AND " + db.dialect().jsonArrayContains("usecase.tags") : "");
        Object[] params = tag.isPresent() ? new Object[] {org, tag.get()} : new Object[] {org};
        long total = db.count("SELECT COUNT(*)" + where, params);
        List<Object> pageParams = new ArrayList<>(List.of(params));
        pageParams.add(page.limit());
        pageParams.add(page.offset());
        List<UseCase> items = db.query(
                "SELECT " + COLUMNS + where + " ORDER BY created_at DESC, uuid LIMIT ? OFFSET ?",
                this::map,
                pageParams.toArray());
        return new Page<>(items, page.page(), page.limit(), total);
    }

    private UseCase map(ResultSet row) throws SQLException {
        ObjectNode body = json.createObjectNode();
        body.set("analysis_config", read(row.getString("analysis")));
        return new UseCase(
                row.getString("uuid"),
                row.getString("org"),
                row.getString("name"),
                row.getString("description"),
                strings(row.getString("tags")),
                strings(row.getString("buckets")),
                UseCaseJson.analysisConfig(body),
                Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("updated_at")));
    }

    private String analysis(UseCase useCase) {
        ObjectNode config = json.createObjectNode();
        UseCaseJson.fill(config, useCase.analysis());
        return config.toString();
    }

    private List<String> strings(String array) {
        List<String> result = new ArrayList<>();
        read(array).forEach(item -> result.add(item.asText()));
        return result;
    }

    private String write(List<String> strings) {
        try {
            return json.writeValueAsString(strings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("damaged JSON in the usecase table: " + e.getOriginalMessage(), e);
        }
    }
}
