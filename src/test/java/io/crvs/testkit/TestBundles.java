package io.crvs.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenCRVS document bundles for record tests: the four requests of OpenCRVS's published Event Notification Postman
 * collection (a copy in {@code src/test/resources/opencrvs-samples}) with their Postman variables filled in for
 * Farajaland's Ibombo district, and builders of minimal valid birth and death bundles with a chosen event date and
 * office. Every call returns a fresh, mutable tree.
 */
public final class TestBundles {
    /** Ibombo District Office, the office of the seeded Ibombo staff. */
    public static final String OFFICE_ID = "JWMRGwDBXK";
    /** Chamakubi Health Post, a health facility in Ibombo. */
    public static final String FACILITY_ID = "pXhz0PLiYZX";
    /** Ibombo district, the district of {@link #OFFICE_ID}. */
    public static final String DISTRICT_ID = "oEBf29y8JP8";
    /** Central province, the province of {@link #DISTRICT_ID}. */
    public static final String STATE_ID = "AWn3s2RqgAN";
    public static final String COUNTRY_CODE = "FAR";
    /** Ilanga District Office (d.bulaya, j.mutale), in Ilanga district of Sulaka province. */
    public static final String ILANGA_OFFICE_ID = "okQp4uKCz0";
    public static final String ILANGA_DISTRICT_ID = "HPGiE9Jjh2r";
    public static final String SULAKA_STATE_ID = "KozcEjeTyuD";
    /** HQ Office (j.musonda, j.campbell). */
    public static final String HQ_OFFICE_ID = "2OKicPQMNI";
    /** Embe, the district of the HQ Office. */
    public static final String HQ_DISTRICT_ID = "BxrIbNW7f3K";

    public static final String EXT = "http://opencrvs.org/specs/extension/";
    public static final String REG_LAST_LOCATION = EXT + "regLastLocation";
    public static final String REG_LAST_OFFICE = EXT + "regLastOffice";
    public static final String LATE_REASON = EXT + "reason-for-late-registration";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLLECTION = "/opencrvs-samples/Event Notification.postman_collection.json";
    private static final Pattern UUID_VARIABLE = Pattern.compile("\\{\\{(uuid_[A-Za-z0-9_]+)}}");

    private TestBundles() {
    }

    /** The four requests of the published collection, by their Postman names. */
    public enum Sample {
        BIRTH_MAX("Create Birth Notification (Max)"),
        BIRTH_MIN("Create Birth Notification (Min)"),
        DEATH_MIN("Create Death Notification (Min)"),
        DEATH_MAX("Create Death Notification (Max)");

        private final String postmanName;

        Sample(String postmanName) {
            this.postmanName = postmanName;
        }

        public String postmanName() {
            return postmanName;
        }

        public boolean birth() {
            return name().startsWith("BIRTH");
        }
    }

    /**
     * A sample as published (no {@code regLastLocation}), with {@code officeId}, {@code facilityId},
     * {@code districtId}, {@code stateId} and {@code countryCode} filled for Ibombo and each {@code {{uuid_*}}}
     * variable a fresh UUID (the same within this request). The Min samples carry fixed Composition identifiers.
     */
    public static ObjectNode sample(Sample sample) {
        var raw = rawSample(sample).replace("{{officeId}}", OFFICE_ID).replace("{{facilityId}}", FACILITY_ID)
                .replace("{{districtId}}", DISTRICT_ID).replace("{{stateId}}", STATE_ID)
                .replace("{{countryCode}}", COUNTRY_CODE);
        var uuids = new HashMap<String, String>();
        Matcher matcher = UUID_VARIABLE.matcher(raw);
        var filled = new StringBuilder();
        while (matcher.find()) {
            var uuid = uuids.computeIfAbsent(matcher.group(1), name -> UUID.randomUUID().toString());
            matcher.appendReplacement(filled, uuid);
        }
        matcher.appendTail(filled);
        if (filled.indexOf("{{") >= 0) {
            throw new IllegalStateException("An unfilled Postman variable is left in " + sample);
        }
        return (ObjectNode) parse(filled.toString());
    }

    /** The sample in the v1.4 form of the wire spec: with the Task extension regLastLocation = Ibombo. */
    public static ObjectNode v14(Sample sample) {
        return withRegLastLocation(sample(sample), DISTRICT_ID);
    }

    /** The body of the sample's Postman request exactly as published, variables unfilled. */
    public static String rawSample(Sample sample) {
        try (InputStream in = TestBundles.class.getResourceAsStream(COLLECTION)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + COLLECTION);
            }
            for (var item : JSON.readTree(in).path("item")) {
                if (sample.postmanName().equals(item.path("name").asText())) {
                    return item.path("request").path("body").path("raw").asText();
                }
            }
            throw new IllegalStateException("No request " + sample.postmanName() + " in " + COLLECTION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds (or replaces) the Task's regLastLocation extension, {@code Location/<districtId>}. */
    public static ObjectNode withRegLastLocation(ObjectNode bundle, String districtId) {
        setReferenceExtension(task(bundle), REG_LAST_LOCATION, "Location/" + districtId);
        return bundle;
    }

    /** A new Composition identifier, so the same client can send the bundle again as a different record. */
    public static ObjectNode withNewIdentifier(ObjectNode bundle) {
        composition(bundle).putObject("identifier").put("system", "urn:ietf:rfc:3986")
                .put("value", UUID.randomUUID().toString());
        return bundle;
    }

    /** Sets the subject's event date: a birth's {@code birthDate} or a death's {@code deceasedDateTime}. */
    public static ObjectNode withEventDate(ObjectNode bundle, LocalDate date) {
        var event = Event.valueOf(task(bundle).path("code").path("coding").path(0).path("code").asText());
        var subject = section(bundle, event.subjectSection)
                .orElseThrow(() -> new IllegalStateException("No subject section"));
        subject.put(event.dateField, date.toString());
        return bundle;
    }

    public static ObjectNode composition(JsonNode bundle) {
        return (ObjectNode) bundle.path("entry").path(0).path("resource");
    }

    public static ObjectNode task(JsonNode bundle) {
        return (ObjectNode) bundle.path("entry").path(1).path("resource");
    }

    /** The first entry's resource of that type. */
    public static ObjectNode resource(JsonNode bundle, String resourceType) {
        return (ObjectNode) entryOf(bundle, resourceType).path("resource");
    }

    /** The first entry holding a resource of that type. */
    public static ObjectNode entryOf(JsonNode bundle, String resourceType) {
        for (var entry : bundle.path("entry")) {
            if (resourceType.equals(entry.path("resource").path("resourceType").asText())) {
                return (ObjectNode) entry;
            }
        }
        throw new IllegalStateException("No " + resourceType + " entry");
    }

    /** The index in {@code Bundle.entry} of the first resource of that type. */
    public static int indexOf(JsonNode bundle, String resourceType) {
        var entries = bundle.path("entry");
        for (int i = 0; i < entries.size(); i++) {
            if (resourceType.equals(entries.get(i).path("resource").path("resourceType").asText())) {
                return i;
            }
        }
        throw new IllegalStateException("No " + resourceType + " entry");
    }

    /** The resource a Composition section (by code, e.g. {@code child-details}) points to. */
    public static Optional<ObjectNode> section(JsonNode bundle, String code) {
        for (var section : composition(bundle).path("section")) {
            for (var coding : section.path("code").path("coding")) {
                if (code.equals(coding.path("code").asText())) {
                    var reference = section.path("entry").path(0).path("reference").asText();
                    for (var entry : bundle.path("entry")) {
                        if (reference.equals(entry.path("fullUrl").asText())) {
                            return Optional.of((ObjectNode) entry.path("resource"));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The {@code valueReference.reference} or {@code valueString} of a resource's extension, by full URL. */
    public static Optional<String> extension(JsonNode resource, String url) {
        for (var extension : resource.path("extension")) {
            if (url.equals(extension.path("url").asText())) {
                var value = extension.has("valueReference") ? extension.path("valueReference").path("reference")
                        : extension.path("valueString");
                return Optional.ofNullable(value.textValue());
            }
        }
        return Optional.empty();
    }

    public static void removeExtension(ObjectNode resource, String url) {
        var extensions = resource.withArray("extension");
        for (int i = extensions.size() - 1; i >= 0; i--) {
            if (url.equals(extensions.get(i).path("url").asText())) {
                extensions.remove(i);
            }
        }
    }

    public static void setReferenceExtension(ObjectNode resource, String url, String reference) {
        removeExtension(resource, url);
        resource.withArray("extension").addObject().put("url", url).putObject("valueReference").put("reference", reference);
    }

    public static void setStringExtension(ObjectNode resource, String url, String value) {
        removeExtension(resource, url);
        resource.withArray("extension").addObject().put("url", url).put("valueString", value);
    }

    public static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Today in UTC, the day crvs judges registration periods by. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public static Birth birth() {
        return new Birth();
    }

    public static Death death() {
        return new Death();
    }

    /** What tells a birth bundle from a death bundle, apart from the people in it. */
    enum Event {
        BIRTH("child-details", "mother-details", "birth-encounter", "MOTHER", "birthDate"),
        DEATH("deceased-details", "spouse-details", "death-encounter", "SPOUSE", "deceasedDateTime");

        final String subjectSection;
        /** The section of the other person in the bundle, who is also the informant. */
        final String relatedSection;
        final String encounterSection;
        final String informantRelationship;
        /** The subject Patient's field that holds the event date. */
        final String dateField;

        Event(String subjectSection, String relatedSection, String encounterSection, String informantRelationship,
                String dateField) {
            this.subjectSection = subjectSection;
            this.relatedSection = relatedSection;
            this.encounterSection = encounterSection;
            this.informantRelationship = informantRelationship;
            this.dateField = dateField;
        }
    }

    /** Fields both builders share: office, facility, type, informant, contact, identifier, extensions. */
    public abstract static class Builder<B extends Builder<B>> {
        final Event event;
        LocalDate eventDate = today().minusDays(3);
        String office = OFFICE_ID;
        String facility = FACILITY_ID;
        boolean declaration;
        boolean informant = true;
        boolean contact = true;
        boolean r4Relationship;
        String identifier = UUID.randomUUID().toString();
        Optional<String> regLastLocation = Optional.empty();
        Optional<String> lateReason = Optional.empty();
        String given = "Chanda";
        String family = "Mulenga";

        Builder(Event event) {
            this.event = event;
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** The office in {@code regLastOffice} (default Ibombo District Office). */
        public B office(String officeId) {
            this.office = officeId;
            return self();
        }

        /** The health facility of the Encounter (default Chamakubi Health Post). */
        public B facility(String facilityId) {
            this.facility = facilityId;
            return self();
        }

        /** A {@code *-declaration} composition (staff declarations) instead of a {@code *-notification}. */
        public B declaration() {
            this.declaration = true;
            return self();
        }

        /** No informant section and no {@code contact-person} Task extension: the informant type is missing. */
        public B withoutInformant() {
            this.informant = false;
            return self();
        }

        /** No contact phone number or email on the Task. */
        public B withoutContact() {
            this.contact = false;
            return self();
        }

        /** Missing informant type and contact: valid as a notification, not complete as a declaration. */
        public B incomplete() {
            return withoutInformant().withoutContact();
        }

        /**
         * The informant's relationship as FHIR R4 has it (an array of CodeableConcept) instead of OpenCRVS's
         * single object, and no {@code contact-person} extension: the type is only in the RelatedPerson.
         */
        public B r4Relationship() {
            this.r4Relationship = true;
            return self();
        }

        public B identifier(String value) {
            this.identifier = value;
            return self();
        }

        /** The v1.4 {@code regLastLocation} Task extension, {@code Location/<districtId>}. */
        public B regLastLocation(String districtId) {
            this.regLastLocation = Optional.of(districtId);
            return self();
        }

        /** OpenCRVS's {@code reason-for-late-registration} Task extension. */
        public B lateReason(String reason) {
            this.lateReason = Optional.of(reason);
            return self();
        }

        public B subjectName(String givenName, String familyName) {
            this.given = givenName;
            this.family = familyName;
            return self();
        }

        B eventDate(LocalDate date) {
            this.eventDate = date;
            return self();
        }

        /** The subject Patient and the related person; returns their entries, the subject first. */
        abstract ArrayNode people(ArrayNode entries, String subjectUrl, String relatedUrl);

        public ObjectNode build() {
            var bundle = JSON.createObjectNode();
            bundle.put("resourceType", "Bundle");
            bundle.put("type", "document");
            bundle.putObject("meta").put("lastUpdated", "2024-05-01T10:00:00.000Z");
            var entries = bundle.putArray("entry");
            var compositionUrl = urn();
            var subjectUrl = urn();
            var relatedUrl = urn();
            var informantUrl = urn();
            var encounterUrl = urn();
            composition(entries.addObject(), compositionUrl, subjectUrl, relatedUrl, informantUrl, encounterUrl);
            task(entries.addObject(), compositionUrl);
            people(entries, subjectUrl, relatedUrl);
            if (informant) {
                var relatedPerson = entries.addObject().put("fullUrl", informantUrl).putObject("resource");
                relatedPerson.put("resourceType", "RelatedPerson");
                var relationship = JSON.createObjectNode();
                relationship.putArray("coding").addObject()
                        .put("system", "http://hl7.org/fhir/ValueSet/relatedperson-relationshiptype")
                        .put("code", event.informantRelationship);
                if (r4Relationship) {
                    relatedPerson.putArray("relationship").add(relationship);
                } else {
                    relatedPerson.set("relationship", relationship);
                }
                relatedPerson.putObject("patient").put("reference", relatedUrl);
            }
            var encounter = entries.addObject().put("fullUrl", encounterUrl).putObject("resource");
            encounter.put("resourceType", "Encounter");
            encounter.put("status", "finished");
            encounter.putArray("location").addObject().putObject("location").put("reference", "Location/" + facility);
            return bundle;
        }

        private void composition(ObjectNode entry, String url, String subjectUrl, String relatedUrl,
                String informantUrl, String encounterUrl) {
            entry.put("fullUrl", url);
            var composition = entry.putObject("resource");
            composition.put("resourceType", "Composition");
            composition.putObject("identifier").put("system", "urn:ietf:rfc:3986").put("value", identifier);
            composition.put("status", "final");
            var type = event.name().toLowerCase(Locale.ROOT) + (declaration ? "-declaration" : "-notification");
            composition.putObject("type").putArray("coding").addObject()
                    .put("system", "http://opencrvs.org/doc-types").put("code", type);
            composition.putObject("subject").put("reference", subjectUrl);
            composition.put("date", "2024-05-01T10:00:00.000Z");
            composition.putArray("author");
            composition.put("title", type);
            var sections = composition.putArray("section");
            section(sections, event.subjectSection, subjectUrl);
            section(sections, event.relatedSection, relatedUrl);
            if (informant) {
                section(sections, "informant-details", informantUrl);
            }
            section(sections, event.encounterSection, encounterUrl);
        }

        private static void section(ArrayNode sections, String code, String reference) {
            var section = sections.addObject();
            section.put("title", code);
            section.putObject("code").putArray("coding").addObject()
                    .put("system", "http://opencrvs.org/specs/sections").put("code", code);
            section.putArray("entry").addObject().put("reference", reference);
        }

        private void task(ObjectNode entry, String compositionUrl) {
            entry.put("fullUrl", urn());
            var task = entry.putObject("resource");
            task.put("resourceType", "Task");
            task.put("status", "draft");
            task.put("intent", "unknown");
            task.putArray("identifier");
            task.putObject("code").putArray("coding").addObject()
                    .put("system", "http://opencrvs.org/specs/types").put("code", event.name());
            task.putObject("focus").put("reference", compositionUrl);
            if (informant && !r4Relationship) {
                setStringExtension(task, EXT + "contact-person", event.informantRelationship);
            }
            if (contact) {
                setStringExtension(task, EXT + "contact-person-phone-number", "+260759205190");
                setStringExtension(task, EXT + "contact-person-email", "informant@example.org");
            }
            task.withArray("extension").addObject().put("url", EXT + "timeLoggedMS").put("valueInteger", 0);
            lateReason.ifPresent(reason -> setStringExtension(task, LATE_REASON, reason));
            setReferenceExtension(task, REG_LAST_OFFICE, "Location/" + office);
            regLastLocation.ifPresent(district -> setReferenceExtension(task, REG_LAST_LOCATION, "Location/" + district));
        }

        static ObjectNode patient(ArrayNode entries, String url, String given, String family, String gender) {
            var patient = entries.addObject().put("fullUrl", url).putObject("resource");
            patient.put("resourceType", "Patient");
            patient.put("active", true);
            var name = patient.putArray("name").addObject();
            name.put("use", "official");
            name.putArray("given").add(given);
            name.put("family", family);
            patient.put("gender", gender);
            return patient;
        }

        static void ibomboAddress(ObjectNode patient) {
            var address = patient.putArray("address").addObject();
            address.put("type", "physical");
            address.putArray("line").add("12 Independence Avenue");
            address.put("city", "Ibombo");
            address.put("district", DISTRICT_ID);
            address.put("state", STATE_ID);
            address.put("country", COUNTRY_CODE);
        }

        private static String urn() {
            return "urn:uuid:" + UUID.randomUUID();
        }
    }

    /** A minimal birth: child, mother (informant), encounter at a facility, contact on the Task. */
    public static final class Birth extends Builder<Birth> {
        Birth() {
            super(Event.BIRTH);
        }

        public Birth bornOn(LocalDate date) {
            return eventDate(date);
        }

        public Birth bornDaysAgo(long days) {
            return bornOn(today().minusDays(days));
        }

        @Override
        ArrayNode people(ArrayNode entries, String subjectUrl, String motherUrl) {
            var child = patient(entries, subjectUrl, given, family, "female");
            child.put(event.dateField, eventDate.toString());
            var mother = patient(entries, motherUrl, "Mwila", family, "female");
            mother.put("birthDate", "1995-04-12");
            ibomboAddress(mother);
            return entries;
        }
    }

    /** A minimal death: deceased, spouse (informant), encounter at a facility, contact on the Task. */
    public static final class Death extends Builder<Death> {
        Death() {
            super(Event.DEATH);
        }

        public Death diedOn(LocalDate date) {
            return eventDate(date);
        }

        public Death diedDaysAgo(long days) {
            return diedOn(today().minusDays(days));
        }

        @Override
        ArrayNode people(ArrayNode entries, String subjectUrl, String spouseUrl) {
            var deceased = patient(entries, subjectUrl, given, family, "male");
            deceased.put("birthDate", "1950-02-03");
            deceased.put(event.dateField, eventDate.toString());
            ibomboAddress(deceased);
            var spouse = patient(entries, spouseUrl, "Mutinta", family, "female");
            spouse.put("birthDate", "1955-07-08");
            return entries;
        }
    }
}
