package io.crvs.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.ClientRegistry;
import io.crvs.auth.TokenVerifier;
import io.crvs.locations.Locations;
import io.crvs.platform.audit.AuditLog;
import io.crvs.platform.db.Database;
import io.crvs.platform.fhir.Fhir;
import io.crvs.platform.http.Endpoint;
import io.crvs.records.fhir.BundleReader;
import io.crvs.records.fhir.BundleRules;
import io.crvs.records.store.HistoryStore;
import io.crvs.records.store.RecordStore;
import io.crvs.records.usecase.RecordActions;
import io.crvs.records.usecase.RecordIntake;
import io.crvs.records.usecase.RecordReading;
import io.crvs.records.usecase.Registrations;
import io.crvs.records.web.RecordsWeb;
import io.crvs.users.UsersModule;
import java.time.Clock;
import java.util.List;

/**
 * Birth and death records: the Event Notification API, declarations by staff, the registration workflow, work
 * queues and record history. Stands in for OpenCRVS's gateway notification route, {@code packages/workflow} and
 * the Hearth FHIR store.
 */
public final class RecordsModule {
    private final List<Endpoint> endpoints;

    public RecordsModule(Database database, Fhir fhir, Locations locations, ClientRegistry clients, UsersModule users,
            TokenVerifier verifier, AuditLog audit, String countryCode, Clock clock, ObjectMapper json) {
        var records = new RecordStore();
        var history = new HistoryStore();
        var reader = new BundleReader(fhir, json);
        var rules = new BundleRules(locations, countryCode);
        var registrations = new Registrations();
        var intake = new RecordIntake(database, records, history, reader, rules, registrations, audit, json, clock);
        var actions = new RecordActions(database, records, history, reader, rules, locations, registrations, audit, json, clock);
        var reading = new RecordReading(database, records, history, audit, json, clock);
        this.endpoints = RecordsWeb.endpoints(intake, actions, reading, verifier, clients, users, json);
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }
}
