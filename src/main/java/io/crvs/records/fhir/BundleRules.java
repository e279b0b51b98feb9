package io.crvs.records.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.locations.Location;
import io.crvs.locations.LocationType;
import io.crvs.locations.Locations;
import io.crvs.platform.fhir.FhirProblem;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Semantic validation of an OpenCRVS document bundle (interop §4.3), done before anything is stored: the Task
 * belongs to the Composition and names a known office (and, if it names one, that office's district), the
 * sections point into the bundle, there is a subject, the encounter is at a known health facility, and
 * Patient addresses in the home country name a valid chain of areas ({@code line[12]} up to the province).
 * Every failure is a 400 naming the element; OpenCRVS answered most of these with a 500.
 */
public final class BundleRules {
    static final Set<String> GENDERS = Set.of("male", "female", "other", "unknown");
    /** The address elements that hold location ids, most local first (OpenCRVS's line[10..12] are levels below the district). */
    private static final List<AddressLevel> ADDRESS_LEVELS = List.of(AddressLevel.line(12), AddressLevel.line(11),
            AddressLevel.line(10), new AddressLevel("district", a -> a.path("district")),
            new AddressLevel("state", a -> a.path("state")));

    private final Locations locations;
    private final String country;

    public BundleRules(Locations locations, String country) {
        this.locations = locations;
        this.country = country;
    }

    /** {@code requireDraft}: the Event Notification API accepts only {@code Task.status = draft}, as OpenCRVS. */
    public CheckedBundle check(IncomingBundle bundle, boolean requireDraft, LocalDate today) {
        var task = bundle.task().resource();
        var path = "Bundle.entry[1].resource";
        if (requireDraft && !"draft".equals(task.path("status").textValue())) {
            throw FhirProblem.invalid(path + ".status", "Task.status must be draft for a notification");
        }
        var code = task.path("code").path("coding").path(0).path("code").textValue();
        if (!bundle.event().name().equals(code)) {
            throw FhirProblem.invalid(path + ".code", "Task.code must be " + bundle.event().name() + " for a "
                    + bundle.event().code() + " composition, was " + code);
        }
        if (!bundle.composition().fullUrl().equals(task.path("focus").path("reference").textValue())) {
            throw FhirProblem.invalid(path + ".focus", "Task.focus.reference must be the Composition's fullUrl "
                    + bundle.composition().fullUrl());
        }
        var office = office(task, path);
        var district = district(task, office, path);
        checkSections(bundle);
        checkPeople(bundle, today);
        checkEncounters(bundle);
        var declaration = DeclarationReader.read(bundle.event(), bundle.composition().resource(), task,
                reference -> bundle.byFullUrl(reference).map(e -> (JsonNode) e.resource()));
        return new CheckedBundle(bundle, office, district, declaration);
    }

    private Location office(JsonNode task, String path) {
        var reference = DeclarationReader.referenceExtension(task, "regLastOffice")
                .orElseThrow(() -> FhirProblem.required(path + ".extension", "The Task needs the extension "
                        + DeclarationReader.EXT + "regLastOffice with valueReference Location/<office id>"));
        var office = location(reference, path + ".extension(regLastOffice)");
        if (office.type() != LocationType.CRVS_OFFICE || !"active".equals(office.status())) {
            throw FhirProblem.invalid(path + ".extension(regLastOffice)", reference + " is not an active civil registration office");
        }
        return office;
    }

    /** OpenCRVS v1.4 wants regLastLocation; its newer samples omit it, so it is derived from the office. */
    private Location district(JsonNode task, Location office, String path) {
        var officeDistrict = office.partOf().flatMap(locations::find)
                .orElseThrow(() -> FhirProblem.invalid(path + ".extension(regLastOffice)", "The office has no district"));
        var given = DeclarationReader.referenceExtension(task, "regLastLocation");
        if (given.isPresent() && !given.get().equals("Location/" + officeDistrict.id())) {
            var named = location(given.get(), path + ".extension(regLastLocation)");
            throw FhirProblem.invalid(path + ".extension(regLastLocation)", "The office " + office.id()
                    + " is not part of " + named.id() + "; regLastLocation must be Location/" + officeDistrict.id());
        }
        return officeDistrict;
    }

    private void checkSections(IncomingBundle bundle) {
        var sections = bundle.composition().resource().path("section");
        requireArray(sections, "Bundle.entry[0].resource.section");
        for (int i = 0; i < sections.size(); i++) {
            var entries = sections.get(i).path("entry");
            requireArray(entries, "Bundle.entry[0].resource.section[" + i + "].entry");
            for (int j = 0; j < entries.size(); j++) {
                var reference = entries.get(j).path("reference").textValue();
                if (reference == null || bundle.byFullUrl(reference).isEmpty()) {
                    throw FhirProblem.invalid("Bundle.entry[0].resource.section[" + i + "].entry[" + j + "]",
                            "Section entry " + reference + " is not the fullUrl of an entry in this bundle");
                }
            }
        }
        var subject = DeclarationReader.section(bundle.composition().resource(), bundle.event().subjectSection(),
                reference -> bundle.byFullUrl(reference).map(e -> (JsonNode) e.resource()));
        if (subject.isEmpty() || !"Patient".equals(subject.get().path("resourceType").textValue())) {
            throw FhirProblem.required("Bundle.entry[0].resource.section", "The Composition needs a "
                    + bundle.event().subjectSection() + " section pointing to a Patient");
        }
    }

    private void checkPeople(IncomingBundle bundle, LocalDate today) {
        for (int i = 0; i < bundle.entries().size(); i++) {
            var entry = bundle.entries().get(i);
            if (!entry.resourceType().equals("Patient")) {
                continue;
            }
            var path = "Bundle.entry[" + i + "].resource";
            var patient = entry.resource();
            var gender = patient.path("gender");
            if (!gender.isMissingNode() && !GENDERS.contains(gender.asText())) {
                throw FhirProblem.invalid(path + ".gender", "gender must be one of " + GENDERS);
            }
            date(patient, "birthDate", path, today);
            date(patient, "deceasedDateTime", path, today);
            var addresses = patient.path("address");
            requireArray(addresses, path + ".address");
            for (int a = 0; a < addresses.size(); a++) {
                checkAddress(addresses.get(a), path + ".address[" + a + "]");
            }
        }
    }

    /**
     * HAPI's lenient parser lets a single object stand where FHIR has an array (OpenCRVS's own samples send
     * RelatedPerson.relationship so); the rules index into these elements, so they must really be arrays.
     */
    private static void requireArray(JsonNode node, String path) {
        if (!node.isMissingNode() && !node.isNull() && !node.isArray()) {
            throw FhirProblem.invalid(path, path.substring(path.lastIndexOf('.') + 1) + " must be an array");
        }
    }

    private static void date(JsonNode resource, String field, String path, LocalDate today) {
        var node = resource.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isTextual() || !FhirDates.isValid(node.textValue())) {
            throw FhirProblem.invalid(path + "." + field, field + " is not a valid FHIR date: " + node);
        }
        if (FhirDates.day(node.textValue()).filter(d -> d.isAfter(today.plusDays(1))).isPresent()) {
            throw FhirProblem.invalid(path + "." + field, field + " is in the future");
        }
    }

    private void checkAddress(JsonNode address, String path) {
        var countryCode = address.path("country").asText("");
        if (countryCode.isEmpty()) {
            return;
        }
        if (!countryCode.equals(country) && !CountryCodes.isIso(countryCode)) {
            throw FhirProblem.invalid(path + ".country", countryCode + " is not " + country
                    + " or an ISO 3166-1 country code (alpha-2, alpha-3 or numeric)");
        }
        if (countryCode.equals(country)) {
            checkLocationChain(address, path);
        }
    }

    /**
     * Walks the address levels from the most local up: each present id must be a known administrative area whose
     * parent is the next present id. Absent and blank levels are skipped, so a chain may jump a level, as
     * OpenCRVS's pairwise check allows; its own samples send {@code ""} in the unused lines.
     */
    private void checkLocationChain(JsonNode address, String path) {
        Location child = null;
        String childName = null;
        for (var level : ADDRESS_LEVELS) {
            var id = levelId(level.of(address), path + "." + level.name());
            if (id.isEmpty()) {
                continue;
            }
            var area = adminArea(id.get(), path + "." + level.name());
            if (child != null && !child.partOf().equals(Optional.of(area.id()))) {
                throw FhirProblem.invalid(path + "." + childName, childName + " " + child.id() + " is not part of "
                        + level.name() + " " + area.id());
            }
            child = area;
            childName = level.name();
        }
    }

    /** A level's location id; absent, null or blank names none. A number or an object cannot name a location. */
    private static Optional<String> levelId(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw FhirProblem.invalid(path, path.substring(path.lastIndexOf('.') + 1) + " must be a location id");
        }
        return Optional.of(node.textValue()).filter(id -> !id.isBlank());
    }

    private Location adminArea(String id, String path) {
        var location = locations.find(id).filter(l -> l.type() == LocationType.ADMIN_STRUCTURE)
                .orElseThrow(() -> FhirProblem.invalid(path, id + " is not a known administrative area"));
        return location;
    }

    private void checkEncounters(IncomingBundle bundle) {
        boolean found = false;
        for (int i = 0; i < bundle.entries().size(); i++) {
            var entry = bundle.entries().get(i);
            if (!entry.resourceType().equals("Encounter")) {
                continue;
            }
            found = true;
            var path = "Bundle.entry[" + i + "].resource.location[0].location";
            var id = DeclarationReader.encounterLocation(entry.resource())
                    .orElseThrow(() -> FhirProblem.required(path, "The Encounter needs location[0].location.reference Location/<facility id>"));
            var place = location("Location/" + id, path);
            if (place.type() != LocationType.HEALTH_FACILITY) {
                throw FhirProblem.invalid(path, "Location/" + id + " is not a health facility");
            }
        }
        if (!found) {
            throw FhirProblem.required("Bundle.entry", "The bundle needs an Encounter naming the place of the event");
        }
    }

    private Location location(String reference, String path) {
        if (!reference.startsWith("Location/") || reference.length() <= 9) {
            throw FhirProblem.invalid(path, "Expected a reference Location/<id>, was " + reference);
        }
        return locations.find(reference.substring(9))
                .orElseThrow(() -> FhirProblem.invalid(path, reference + " is not a known location"));
    }

    /** One level of an address's location chain: its element name and how to read it. */
    private record AddressLevel(String name, UnaryOperator<JsonNode> reader) {
        static AddressLevel line(int index) {
            return new AddressLevel("line[" + index + "]", a -> a.path("line").path(index));
        }

        JsonNode of(JsonNode address) {
            return reader.apply(address);
        }
    }
}
