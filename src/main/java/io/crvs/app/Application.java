package io.crvs.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.AuthModule;
import io.crvs.auth.key.CryptoProvider;
import io.crvs.gateway.GatewayModule;
import io.crvs.integrations.IntegrationsModule;
import io.crvs.locations.LocationsModule;
import io.crvs.notifications.NotificationsModule;
import io.crvs.platform.fhir.Fhir;
import io.crvs.records.RecordsModule;
import io.crvs.users.UsersModule;
import io.crvs.platform.audit.AuditLog;
import io.crvs.platform.crypto.ServerKey;
import io.crvs.platform.db.Database;
import io.crvs.platform.fhir.Fhir;
import io.crvs.platform.http.Endpoint;
import io.crvs.platform.http.HttpServer;
import io.crvs.platform.http.Json;
import io.crvs.platform.http.Problems;
import io.crvs.platform.throttle.FailureThrottle;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the platform and every module by hand, in dependency order, and closes them in
 * reverse. {@link #open} gives the services without HTTP (the command line); {@link #serve} adds the server and
 * its housekeeping.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final AppConfig config;
    private final ObjectMapper json;
    private final PrometheusMeterRegistry metrics;
    private final Database database;
    private final AuditLog audit;
    private final LocationsModule locations;
    private final NotificationsModule notifications;
    private final AuthModule auth;
    private final UsersModule users;
    private final IntegrationsModule integrations;
    private final GatewayModule gateway;
    private final RecordsModule records;
    private Optional<HttpServer> http = Optional.empty();
    private Optional<ScheduledExecutorService> housekeeping = Optional.empty();

    private Application(AppConfig config, Clock clock) {
        this.config = config;
        this.json = Json.mapper();
        this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.database = Database.open(config.database());
        try {
            this.audit = new AuditLog(database, clock, json);
            var serverKey = ServerKey.loadOrCreate(config.serverKeyFile());
            var crypto = CryptoProvider.load(config.preferJdkCrypto());
            this.notifications = new NotificationsModule(config.notifications(), database, serverKey, clock, json);
            this.auth = new AuthModule(config.auth(), database, serverKey, audit, new FailureThrottle(config.throttle(), clock),
                    metrics, crypto, UsersModule.subjects(database), clock, json);
            this.locations = new LocationsModule(database, audit, new Fhir(), auth.tokenVerifier(), clock, json);
            this.users = new UsersModule(config.users(), database, serverKey, audit, notifications, locations,
                    auth.accessTokens(), auth.tokenVerifier(), new FailureThrottle(config.throttle(), clock), clock, json);
            this.integrations = new IntegrationsModule(auth.clients(), auth.tokenVerifier(), json);
            this.gateway = new GatewayModule(auth.clients(), users, auth.tokenVerifier(), json);
            this.records = new RecordsModule(database, new Fhir(), locations, auth.clients(), users, auth.tokenVerifier(),
                    audit, "FAR", clock, json);
            if (config.sampleData()) {
                locations.seedFarajalandIfEmpty();
                // The sample users work in Farajaland's offices: not in a database that holds another country.
                if (locations.holdsSampleCountry()) {
                    users.seedTestUsersIfEmpty();
                }
            }
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The services without an HTTP server, for commands that act on the database directly. */
    public static Application open(AppConfig config, Clock clock) {
        return new Application(config, clock);
    }

    /** Everything, listening on the configured port. */
    public static Application serve(AppConfig config, Clock clock) {
        var app = new Application(config, clock);
        try {
            app.startHttp();
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void startHttp() {
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        var endpoints = new ArrayList<Endpoint>();
        endpoints.add(new OpsEndpoint(database, auth.signingKeys(), metrics, json));
        endpoints.add(new OpenApiEndpoint(json));
        endpoints.addAll(auth.endpoints());
        endpoints.addAll(users.endpoints());
        endpoints.addAll(notifications.endpoints(auth.tokenVerifier()));
        endpoints.addAll(locations.endpoints());
        endpoints.addAll(integrations.endpoints());
        endpoints.addAll(gateway.endpoints());
        endpoints.addAll(records.endpoints());
        http = Optional.of(new HttpServer(config.http(), endpoints, new Problems(json), metrics));
        var scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("crvs-housekeeping").daemon(true).factory());
        scheduler.scheduleWithFixedDelay(this::maintain, 5, 5, TimeUnit.SECONDS);
        housekeeping = Optional.of(scheduler);
        notifications.startDelivery();
        LOG.info("crvs listening on port {} ({} database, {} mode)", port(), database.dialect(), config.environment());
    }

    private void maintain() {
        try {
            auth.maintain();
            users.maintain();
        } catch (RuntimeException e) {
            LOG.warn("Housekeeping failed; will retry", e);
        }
    }

    public int port() {
        return http.map(HttpServer::port).orElseThrow(() -> new IllegalStateException("not serving HTTP"));
    }

    /** The routes the HTTP server answers (empty without one), for checking them against {@code /openapi.json}. */
    public List<HttpServer.Route> routes() {
        return http.map(HttpServer::routes).orElse(List.of());
    }

    public AuthModule auth() {
        return auth;
    }

    public UsersModule users() {
        return users;
    }

    public LocationsModule locations() {
        return locations;
    }

    public NotificationsModule notifications() {
        return notifications;
    }

    public AuditLog audit() {
        return audit;
    }

    public ObjectMapper json() {
        return json;
    }

    public AppConfig config() {
        return config;
    }

    @Override
    public void close() {
        housekeeping.ifPresent(ScheduledExecutorService::shutdownNow);
        http.ifPresent(HttpServer::close);
        notifications.close();
        users.close();
        audit.close();
        database.close();
    }
}
