package io.crvs.records.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.records.EventType;
import io.crvs.records.RecordStatus;
import io.crvs.records.workflow.Declaration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A record's FHIR resources as crvs keeps them: the submitted resources with server ids (the Composition's id is
 * the record id), their {@code urn:uuid} references rewritten to those ids, and the Task carrying the tracking id,
 * the registration status and the office, as OpenCRVS's workflow writes them (interop §4.4). Not thread-safe;
 * one per operation.
 */
public final class RecordDocument {
    static final String TASK_ID = "http://opencrvs.org/specs/id/";
    static final String REG_STATUS = "http://opencrvs.org/specs/reg-status";
    /** Task extensions that record the last action, not the declaration. */
    private static final Set<String> STATE_EXTENSIONS = Set.of("regLastOffice", "regLastLocation", "regLastUser", "timeLoggedMS");

    private final List<ObjectNode> resources;
    private final ObjectMapper json;

    private RecordDocument(List<ObjectNode> resources, ObjectMapper json) {
        this.resources = resources;
        this.json = json;
    }

    /** From a checked bundle: new ids for every resource, the Composition's being {@code recordId}. */
    public static RecordDocument fromBundle(IncomingBundle bundle, String recordId, ObjectMapper json) {
        var ids = new HashMap<String, String>();
        var resources = new ArrayList<ObjectNode>();
        for (int i = 0; i < bundle.entries().size(); i++) {
            var entry = bundle.entries().get(i);
            var id = i == 0 ? recordId : UUID.randomUUID().toString();
            ids.put(entry.fullUrl(), "urn:uuid:" + id);
            var copy = entry.resource().deepCopy();
            copy.put("id", id);
            resources.add(copy);
        }
        resources.forEach(resource -> mapReferences(resource, reference -> ids.getOrDefault(reference, reference)));
        return new RecordDocument(resources, json);
    }

    /** From stored resources, in their stored order. */
    public static RecordDocument fromStored(List<String> contents, ObjectMapper json) {
        var resources = new ArrayList<ObjectNode>();
        for (var content : contents) {
            try {
                resources.add((ObjectNode) json.readTree(content));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A stored record resource is not JSON", e);
            }
        }
        return new RecordDocument(resources, json);
    }

    public ObjectNode composition() {
        return resources.getFirst();
    }

    public ObjectNode task() {
        return resources.get(1);
    }

    public List<ObjectNode> resources() {
        return List.copyOf(resources);
    }

    public Declaration declaration(EventType event) {
        return DeclarationReader.read(event, composition(), task(), reference -> resources.stream()
                .filter(r -> reference.equals("urn:uuid:" + r.path("id").asText())).map(r -> (JsonNode) r).findFirst());
    }

    /** Stamps the tracking id on the Composition and the Task, as OpenCRVS's workflow does. */
    public void setTrackingId(EventType event, String trackingId) {
        var identifier = composition().putObject("identifier");
        identifier.put("system", "urn:ietf:rfc:3986");
        identifier.put("value", trackingId);
        addIdentifier(task(), TASK_ID + event.code() + "-tracking-id", trackingId);
    }

    /** Status, time and office of the last action, on the Task. */
    public void setState(RecordStatus status, Instant at, String officeId, String districtId, Optional<String> userId) {
        var task = task();
        var coding = json.createObjectNode().put("system", REG_STATUS).put("code", status.name());
        task.putObject("businessStatus").putArray("coding").add(coding);
        task.put("lastModified", at.toString());
        setReferenceExtension(task, "regLastOffice", "Location/" + officeId);
        setReferenceExtension(task, "regLastLocation", "Location/" + districtId);
        userId.ifPresent(id -> setReferenceExtension(task, "regLastUser", "Practitioner/" + id));
    }

    /** Names the integration client that sent the record, as OpenCRVS's {@code system_identifier}. */
    public void setSystemIdentifier(String clientName, String clientId, String type) {
        var value = json.createObjectNode().put("name", clientName).put("username", clientId).put("type", type);
        addIdentifier(task(), TASK_ID + "system_identifier", value.toString());
    }

    /** The registration number on the Task and on the subject person. */
    public void setRegistrationNumber(EventType event, String number) {
        addIdentifier(task(), TASK_ID + event.code() + "-registration-number", number);
        var subject = DeclarationReader.section(composition(), event.subjectSection(), reference -> resources.stream()
                .filter(r -> reference.equals("urn:uuid:" + r.path("id").asText())).map(r -> (JsonNode) r).findFirst());
        subject.ifPresent(person -> {
            var identifier = json.createObjectNode();
            identifier.putObject("type").putArray("coding").addObject()
                    .put("system", "http://opencrvs.org/specs/identifier-type")
                    .put("code", event.name() + "_REGISTRATION_NUMBER");
            identifier.put("value", number);
            arrayOf((ObjectNode) person, "identifier").add(identifier);
        });
    }

    /** The reason (and comment) of a rejection or late registration, on the Task. */
    public void setReason(String reason, Optional<String> comment) {
        task().putObject("statusReason").put("text", reason);
        comment.ifPresent(text -> arrayOf(task(), "note").addObject().put("text", text));
    }

    public void setLateRegistrationReason(String reason) {
        var task = task();
        var extensions = arrayOf(task, "extension");
        for (int i = extensions.size() - 1; i >= 0; i--) {
            if (DeclarationReader.LATE_REASON.equals(extensions.get(i).path("url").textValue())) {
                extensions.remove(i);
            }
        }
        extensions.addObject().put("url", DeclarationReader.LATE_REASON).put("valueString", reason);
    }

    /**
     * Takes the declaration (people, encounter, observations, sections and the Task's declaration extensions) from
     * {@code incoming}, keeping this record's ids, identifiers and state.
     */
    public RecordDocument updatedWith(IncomingBundle incoming) {
        var recordId = composition().path("id").asText();
        var next = fromBundle(incoming, recordId, json);
        var oldTask = task();
        var newTask = next.task();
        newTask.put("id", oldTask.path("id").asText());
        newTask.set("identifier", oldTask.path("identifier").deepCopy());
        for (var field : List.of("businessStatus", "lastModified", "statusReason", "note")) {
            if (oldTask.has(field)) {
                newTask.set(field, oldTask.get(field).deepCopy());
            } else {
                newTask.remove(field);
            }
        }
        for (var name : List.of("regLastOffice", "regLastLocation", "regLastUser")) {
            DeclarationReader.referenceExtension(oldTask, name).ifPresent(reference -> setReferenceExtension(newTask, name, reference));
        }
        next.composition().set("identifier", composition().path("identifier").deepCopy());
        return next;
    }

    /**
     * What an update changed, as {@code part.element} names ({@code child-details.name},
     * {@code task.contact-person-email}, {@code observation.body-weight-at-birth.valueQuantity}): names, not values,
     * so history and audit say what was edited without copying personal data once more.
     */
    public List<String> changedFrom(RecordDocument before) {
        var old = before.parts();
        var now = parts();
        var changed = new TreeSet<String>();
        var names = new TreeSet<>(old.keySet());
        names.addAll(now.keySet());
        for (var name : names) {
            if (!old.containsKey(name) || !now.containsKey(name)) {
                changed.add(name);
                continue;
            }
            var a = comparable(old.get(name));
            var b = comparable(now.get(name));
            var fields = new TreeSet<String>();
            a.fieldNames().forEachRemaining(fields::add);
            b.fieldNames().forEachRemaining(fields::add);
            fields.stream().filter(field -> !a.path(field).equals(b.path(field))).forEach(field -> changed.add(name + "." + field));
        }
        return List.copyOf(changed);
    }

    /** The declaration in named parts: each Composition section's resource, the Task's declaration extensions, each Observation by code. */
    private Map<String, ObjectNode> parts() {
        var parts = new HashMap<String, ObjectNode>();
        for (var section : composition().path("section")) {
            var code = section.path("code").path("coding").path(0).path("code").asText("section");
            var reference = section.path("entry").path(0).path("reference").asText("");
            resources.stream().filter(r -> reference.equals("urn:uuid:" + r.path("id").asText())).findFirst()
                    .ifPresent(resource -> parts.put(code, resource));
        }
        var task = json.createObjectNode();
        for (var extension : task().path("extension")) {
            var name = extension.path("url").asText("").replace(DeclarationReader.EXT, "");
            if (!STATE_EXTENSIONS.contains(name)) {
                task.set(name, extension);
            }
        }
        parts.put("task", task);
        resources.stream().filter(r -> r.path("resourceType").asText().equals("Observation")).forEach(observation ->
                parts.put("observation." + observation.path("code").path("coding").path(0).path("code").asText("unknown"), observation));
        return parts;
    }

    /** A part without what every save renews (ids, meta) and with references to the record's own resources blanked. */
    private static ObjectNode comparable(ObjectNode part) {
        var copy = part.deepCopy();
        copy.remove(List.of("id", "meta"));
        mapReferences(copy, reference -> reference.startsWith("urn:uuid:") ? "urn:uuid:" : reference);
        return copy;
    }

    /** The record as a FHIR document bundle. */
    public ObjectNode bundle(String recordId, Instant lastUpdated) {
        var bundle = json.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("id", recordId);
        bundle.putObject("meta").put("lastUpdated", lastUpdated.toString());
        bundle.put("type", "document");
        var entries = bundle.putArray("entry");
        for (var resource : resources) {
            var entry = entries.addObject();
            entry.put("fullUrl", "urn:uuid:" + resource.path("id").asText());
            entry.set("resource", resource);
        }
        return bundle;
    }

    public List<String> serialised() {
        return resources.stream().map(JsonNode::toString).toList();
    }

    private static void addIdentifier(ObjectNode resource, String system, String value) {
        arrayOf(resource, "identifier").addObject().put("system", system).put("value", value);
    }

    private void setReferenceExtension(ObjectNode resource, String name, String reference) {
        var url = DeclarationReader.EXT + name;
        var extensions = arrayOf(resource, "extension");
        for (var extension : extensions) {
            if (url.equals(extension.path("url").textValue())) {
                ((ObjectNode) extension).putObject("valueReference").put("reference", reference);
                return;
            }
        }
        extensions.addObject().put("url", url).putObject("valueReference").put("reference", reference);
    }

    private static ArrayNode arrayOf(ObjectNode resource, String field) {
        var existing = resource.get(field);
        if (existing instanceof ArrayNode array) {
            return array;
        }
        return resource.putArray(field);
    }

    /** Replaces every {@code reference} string inside {@code node}, at any depth, by what {@code change} makes of it. */
    private static void mapReferences(JsonNode node, UnaryOperator<String> change) {
        if (node instanceof ObjectNode object) {
            var reference = object.get("reference");
            if (reference != null && reference.isTextual()) {
                object.put("reference", change.apply(reference.textValue()));
            }
            object.properties().forEach(e -> mapReferences(e.getValue(), change));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> mapReferences(child, change));
        }
    }
}
