package io.crvs.auth.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.ClientSettings;
import io.crvs.auth.ClientStatus;
import io.crvs.auth.ClientType;
import io.crvs.auth.IntegrationClient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code integration_clients}. Methods take the caller's transaction. Thread-safe (stateless). */
public final class ClientStore {
    private static final String COLUMNS = """
            id, client_id, name, type, integrating_system_type, scope, status, secret_salt, secret_hash,
            sha_secret, settings, created_by, created_at, updated_at, token_generation""";

    private final ObjectMapper json;

    public ClientStore(ObjectMapper json) {
        this.json = json;
    }

    public void insert(Handle handle, StoredClient stored, String nameKey) {
        var c = stored.client();
        handle.createUpdate("""
                INSERT INTO integration_clients (id, client_id, name, name_key, type, singleton_type,
                    integrating_system_type, scope, status, secret_salt, secret_hash, sha_secret, settings,
                    created_by, created_at, updated_at, token_generation)
                VALUES (:id, :clientId, :name, :nameKey, :type, :singletonType, :integratingSystemType, :scope,
                    :status, :salt, :hash, :shaSecret, :settings, :createdBy, :createdAt, :updatedAt, :generation)
                """)
                .bind("id", c.id()).bind("clientId", c.clientId()).bind("name", c.name())
                .bind("nameKey", nameKey).bind("type", c.type().name())
                .bind("singletonType", c.type().isSingleton() ? c.type().name() : null)
                .bind("integratingSystemType", c.integratingSystemType().orElse(null))
                .bind("scope", String.join(" ", c.scope())).bind("status", c.status().wireName())
                .bind("salt", stored.secretSalt()).bind("hash", stored.secretHash())
                .bind("shaSecret", stored.sealedShaSecret()).bind("settings", settingsJson(c.settings()))
                .bind("createdBy", c.createdBy()).bind("createdAt", utc(c.createdAt()))
                .bind("updatedAt", utc(c.updatedAt())).bind("generation", c.tokenGeneration())
                .execute();
    }

    public boolean existsName(Handle handle, String nameKey) {
        return handle.createQuery("SELECT COUNT(*) FROM integration_clients WHERE name_key = :nameKey")
                .bind("nameKey", nameKey).mapTo(Integer.class).one() > 0;
    }

    public boolean existsType(Handle handle, ClientType type) {
        return handle.createQuery("SELECT COUNT(*) FROM integration_clients WHERE type = :type")
                .bind("type", type.name()).mapTo(Integer.class).one() > 0;
    }

    /** By internal id or by client_id. */
    public Optional<StoredClient> findByRef(Handle handle, String ref) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM integration_clients WHERE id = :ref OR client_id = :ref")
                .bind("ref", ref).map((rs, ctx) -> stored(rs)).findFirst();
    }

    public Optional<StoredClient> findByClientId(Handle handle, String clientId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM integration_clients WHERE client_id = :clientId")
                .bind("clientId", clientId).map((rs, ctx) -> stored(rs)).findFirst();
    }

    public List<IntegrationClient> list(Handle handle) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM integration_clients ORDER BY created_at, id")
                .map((rs, ctx) -> stored(rs).client()).list();
    }

    public void updateSettings(Handle handle, String id, ClientSettings settings, Instant now) {
        handle.createUpdate("UPDATE integration_clients SET settings = :settings, updated_at = :now WHERE id = :id")
                .bind("settings", settingsJson(Optional.of(settings))).bind("now", utc(now)).bind("id", id).execute();
    }

    public void updateStatus(Handle handle, String id, ClientStatus status, Instant now) {
        handle.createUpdate("UPDATE integration_clients SET status = :status, updated_at = :now WHERE id = :id")
                .bind("status", status.wireName()).bind("now", utc(now)).bind("id", id).execute();
    }

    public void updateSecret(Handle handle, String id, String salt, String hash, Instant now) {
        handle.createUpdate("""
                UPDATE integration_clients SET secret_salt = :salt, secret_hash = :hash, updated_at = :now
                WHERE id = :id""")
                .bind("salt", salt).bind("hash", hash).bind("now", utc(now)).bind("id", id).execute();
    }

    /**
     * Refuses every token the client holds now: moves its token generation on. Incremented in SQL, not written
     * from a value read earlier, so two concurrent refreshes cannot both land on the same generation.
     */
    public void retireTokens(Handle handle, String id) {
        handle.createUpdate("UPDATE integration_clients SET token_generation = token_generation + 1 WHERE id = :id")
                .bind("id", id).execute();
    }

    public void delete(Handle handle, String id) {
        handle.createUpdate("DELETE FROM integration_clients WHERE id = :id").bind("id", id).execute();
    }

    /**
     * What the bearer check needs about a client token's subject, in one round trip: whether the client still
     * exists and is active, its client_id, its current token generation, and whether the jti is revoked.
     */
    public Optional<SubjectState> subjectState(Handle handle, String id, String jti) {
        return handle.createQuery("""
                SELECT c.status, c.client_id, c.token_generation,
                       (SELECT COUNT(*) FROM revoked_tokens r WHERE r.jti = :jti) AS revoked
                FROM integration_clients c WHERE c.id = :id""")
                .bind("id", id).bind("jti", jti)
                .map((rs, ctx) -> new SubjectState(ClientStatus.fromWire(rs.getString("status")),
                        rs.getString("client_id"), rs.getLong("token_generation"), rs.getInt("revoked") > 0))
                .findFirst();
    }

    private StoredClient stored(ResultSet rs) throws SQLException {
        var client = new IntegrationClient(rs.getString("id"), rs.getString("client_id"), rs.getString("name"),
                ClientType.valueOf(rs.getString("type")), Optional.ofNullable(rs.getString("integrating_system_type")),
                Arrays.asList(rs.getString("scope").split(" ")), ClientStatus.fromWire(rs.getString("status")),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"),
                settings(rs.getString("settings")), rs.getLong("token_generation"));
        return new StoredClient(client, rs.getString("secret_salt"), rs.getString("secret_hash"),
                rs.getString("sha_secret"));
    }

    private String settingsJson(Optional<ClientSettings> settings) {
        try {
            return settings.isEmpty() ? null : json.writeValueAsString(settings.get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<ClientSettings> settings(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(json.readValue(text, ClientSettings.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored client settings are not valid JSON", e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** A client token subject as the bearer check sees it. */
    public record SubjectState(ClientStatus status, String clientId, long tokenGeneration, boolean jtiRevoked) {
    }
}
