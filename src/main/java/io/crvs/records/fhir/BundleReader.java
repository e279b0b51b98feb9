package io.crvs.records.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.platform.fhir.Fhir;
import io.crvs.platform.fhir.FhirProblem;
import io.crvs.records.EventType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Structural validation of an OpenCRVS document bundle (interop §4.2): the bundle's own elements (on the Event
 * Notification API as strictly as OpenCRVS, see {@link Envelope}), the entry order (Composition, Task, then
 * people, encounter and observations), a {@code fullUrl} on every entry, and the whole bundle parsed by HAPI FHIR
 * R4. Deliberately tolerant inside resources, as OpenCRVS is: its published samples carry R3 elements, empty
 * strings and a non-numeric quantity, and are accepted as sent.
 */
public final class BundleReader {
    static final int MAX_ENTRIES = 200;
    /** Stored resources are at most 1,000,000 characters; this leaves room for what crvs adds (ids, identifiers). */
    static final int MAX_RESOURCE_CHARS = 900_000;
    private static final Set<String> ENTRY_ELEMENTS = Set.of("fullUrl", "resource");
    // QuestionnaireResponse is not in OpenCRVS's v1.4 list, but its own published Death (Max) sample sends one.
    private static final Set<String> FURTHER_RESOURCES = Set.of("Patient", "RelatedPerson", "Encounter", "Observation",
            "QuestionnaireResponse");

    private final Fhir fhir;
    private final ObjectMapper json;

    public BundleReader(Fhir fhir, ObjectMapper json) {
        this.fhir = fhir;
        this.json = json;
    }

    /** The elements a bundle and its {@code meta} may carry, by the route it comes in on. */
    public enum Envelope {
        /**
         * OpenCRVS's schema for {@code POST /notification} (interop §4.2): exactly resourceType, type, meta and
         * entry, and meta with only lastUpdated. OpenCRVS answers anything more with a 400, and an integration that
         * works against crvs must also work against OpenCRVS.
         */
        OPENCRVS(Set.of("resourceType", "type", "meta", "entry"), Set.of("lastUpdated")),
        /**
         * Any element of a FHIR R4 Bundle and Meta: crvs's staff API ({@code /records}) takes back the document
         * {@code GET /records/{id}} serves, which carries {@code Bundle.id}.
         */
        FHIR(Set.of("resourceType", "id", "meta", "implicitRules", "language", "identifier", "type", "timestamp",
                "total", "link", "entry", "signature"),
                Set.of("id", "extension", "versionId", "lastUpdated", "source", "profile", "security", "tag"));

        private final Set<String> elements;
        private final Set<String> metaElements;

        Envelope(Set<String> elements, Set<String> metaElements) {
            this.elements = elements;
            this.metaElements = metaElements;
        }
    }

    public IncomingBundle read(byte[] body, Envelope envelope) {
        var root = parseJson(body);
        checkBundleElements(root, envelope);
        var entries = entries(root);
        var composition = entries.getFirst().resource();
        // Before HAPI, whose lenient parser would turn a malformed identifier into a message naming only "Bundle".
        var identifier = sourceIdentifier(composition);
        parseWithHapi(body);
        var type = compositionType(composition);
        var event = type.startsWith("birth-") ? EventType.BIRTH : EventType.DEATH;
        return new IncomingBundle(entries, event, type.endsWith("-notification"), identifier);
    }

    /**
     * {@code Composition.identifier.value}, which makes a resubmission idempotent. It must be readable: a FHIR
     * Identifier (an object) whose value, if any, is a string. A bare string, an array or a numeric value would
     * otherwise be stored as if no identifier had been sent, and every retry would become a new record.
     */
    private static Optional<String> sourceIdentifier(ObjectNode composition) {
        var identifier = composition.path("identifier");
        if (identifier.isMissingNode() || identifier.isNull()) {
            return Optional.empty();
        }
        var value = identifier.path("value");
        if (!identifier.isObject() || !(value.isMissingNode() || value.isNull() || value.isTextual())) {
            throw FhirProblem.invalid("Bundle.entry[0].resource.identifier", "Composition.identifier must be an "
                    + "Identifier object whose value is a string, e.g. {\"system\":\"urn:ietf:rfc:3986\",\"value\":\"<uuid>\"}");
        }
        var text = Optional.ofNullable(value.textValue()).filter(v -> !v.isBlank());
        if (text.isPresent() && text.get().length() > 200) {
            throw FhirProblem.invalid("Bundle.entry[0].resource.identifier.value", "Composition.identifier.value is longer than 200 characters");
        }
        return text;
    }

    private ObjectNode parseJson(byte[] body) {
        if (body.length == 0) {
            throw FhirProblem.required("Bundle", "A FHIR Bundle is required in the body");
        }
        try {
            var node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw FhirProblem.invalid("Bundle", "The body must be a JSON object (a FHIR Bundle)");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw FhirProblem.invalid("Bundle", "The body is not valid JSON" + (location == null ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        } catch (IOException e) {
            throw FhirProblem.invalid("Bundle", "The body could not be read");
        }
    }

    private static void checkBundleElements(ObjectNode root, Envelope envelope) {
        if (!"Bundle".equals(root.path("resourceType").textValue())) {
            throw FhirProblem.invalid("Bundle.resourceType", "resourceType must be Bundle");
        }
        if (!"document".equals(root.path("type").textValue())) {
            throw FhirProblem.invalid("Bundle.type", "Bundle.type must be document");
        }
        onlyElements(root, envelope.elements, "Bundle");
        var meta = root.path("meta");
        if (!meta.isMissingNode() && !meta.isObject()) {
            throw FhirProblem.invalid("Bundle.meta", "Bundle.meta must be an object holding lastUpdated");
        }
        if (meta.isObject()) {
            onlyElements(meta, envelope.metaElements, "Bundle.meta");
        }
        checkLastUpdated(meta.path("lastUpdated"));
    }

    private static void onlyElements(JsonNode node, Set<String> allowed, String path) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            var name = names.next();
            if (!allowed.contains(name)) {
                throw FhirProblem.invalid(path + "." + name, path + " may not have " + name + " here; allowed: "
                        + new TreeSet<>(allowed));
            }
        }
    }

    private static void checkLastUpdated(JsonNode lastUpdated) {
        if (!lastUpdated.isTextual()) {
            throw FhirProblem.required("Bundle.meta.lastUpdated", "Bundle.meta.lastUpdated is required (an ISO 8601"
                    + " date or date-time)");
        }
        if (!FhirDates.isIsoDate(lastUpdated.textValue())) {
            throw FhirProblem.invalid("Bundle.meta.lastUpdated", "Bundle.meta.lastUpdated is not an ISO 8601 date or"
                    + " date-time (e.g. 2024-05-01 or 2024-05-01T10:00:00Z): " + shorten(lastUpdated.textValue()));
        }
    }

    private static List<IncomingBundle.Entry> entries(ObjectNode root) {
        var entry = root.path("entry");
        if (!entry.isArray() || entry.isEmpty()) {
            throw FhirProblem.required("Bundle.entry", "Bundle.entry must be a non-empty array");
        }
        if (entry.size() > MAX_ENTRIES) {
            throw FhirProblem.invalid("Bundle.entry", "A bundle may have at most " + MAX_ENTRIES + " entries");
        }
        var result = new ArrayList<IncomingBundle.Entry>();
        var fullUrls = new HashSet<String>();
        for (int i = 0; i < entry.size(); i++) {
            var path = "Bundle.entry[" + i + "]";
            var item = entry.get(i);
            if (!item.isObject()) {
                throw FhirProblem.invalid(path, "Each entry must be an object");
            }
            onlyElements(item, ENTRY_ELEMENTS, path);
            var fullUrl = item.path("fullUrl").textValue();
            if (fullUrl == null || fullUrl.isBlank() || fullUrl.length() > 200) {
                throw FhirProblem.required(path + ".fullUrl", "Every entry needs a fullUrl (at most 200 characters)");
            }
            if (!fullUrls.add(fullUrl)) {
                throw FhirProblem.invalid(path + ".fullUrl", "fullUrl " + fullUrl + " appears twice");
            }
            var resource = item.path("resource");
            if (!resource.isObject()) {
                throw FhirProblem.required(path + ".resource", "Every entry needs a resource");
            }
            if (resource.toString().length() > MAX_RESOURCE_CHARS) {
                throw FhirProblem.invalid(path + ".resource", "A resource may have at most " + MAX_RESOURCE_CHARS
                        + " characters");
            }
            var type = resource.path("resourceType").asText("");
            checkPosition(i, type, path);
            result.add(new IncomingBundle.Entry(fullUrl, type, (ObjectNode) resource));
        }
        if (result.size() < 2) {
            throw FhirProblem.required("Bundle.entry[1]", "The second entry must be the Task");
        }
        return result;
    }

    private static void checkPosition(int index, String type, String path) {
        if (index == 0 && !type.equals("Composition")) {
            throw FhirProblem.invalid(path + ".resource.resourceType", "The first entry must be the Composition, not " + type);
        }
        if (index == 1 && !type.equals("Task")) {
            throw FhirProblem.invalid(path + ".resource.resourceType", "The second entry must be the Task, not " + type);
        }
        if (index > 1 && !FURTHER_RESOURCES.contains(type)) {
            throw FhirProblem.invalid(path + ".resource.resourceType", "A notification may not carry a " + type
                    + " resource; allowed: " + new TreeSet<>(FURTHER_RESOURCES));
        }
    }

    /** HAPI must be able to read the bundle as FHIR R4; unknown elements and odd values are tolerated. */
    private void parseWithHapi(byte[] body) {
        try {
            fhir.lenientParser().parseResource(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw FhirProblem.invalid("Bundle", "Not a valid FHIR R4 bundle: " + shorten(e.getMessage()));
        }
    }

    private static String compositionType(ObjectNode composition) {
        for (JsonNode coding : composition.path("type").path("coding")) {
            var code = coding.path("code").asText("");
            if (code.matches("(birth|death)-(notification|declaration)")) {
                return code;
            }
        }
        throw FhirProblem.invalid("Bundle.entry[0].resource.type", "Composition.type must be coded as birth-notification, "
                + "death-notification, birth-declaration or death-declaration (system http://opencrvs.org/doc-types)");
    }

    private static String shorten(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
