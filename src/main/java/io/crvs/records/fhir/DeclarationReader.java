package io.crvs.records.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.records.EventType;
import io.crvs.records.workflow.Declaration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the facts rules need from an OpenCRVS document: sections of the Composition name the subject, mother,
 * informant and encounter; the Task carries the contact and the late-registration reason as extensions.
 */
public final class DeclarationReader {
    public static final String EXT = "http://opencrvs.org/specs/extension/";
    public static final String LATE_REASON = EXT + "reason-for-late-registration";

    private DeclarationReader() {
    }

    /** {@code resolve} finds an entry's resource by the reference used inside the document. */
    public static Declaration read(EventType event, JsonNode composition, JsonNode task, Function<String, Optional<JsonNode>> resolve) {
        var subject = section(composition, event.subjectSection(), resolve)
                .or(() -> Optional.ofNullable(composition.path("subject").path("reference").textValue()).flatMap(resolve));
        var mother = event == EventType.BIRTH ? section(composition, "mother-details", resolve) : Optional.<JsonNode>empty();
        var informant = section(composition, "informant-details", resolve);
        var encounter = section(composition, event.encounterSection(), resolve);
        var eventDate = subject.flatMap(s -> FhirDates.day(text(s, event == EventType.BIRTH ? "birthDate" : "deceasedDateTime")));
        return new Declaration(event,
                subject.flatMap(s -> name(s, true)), subject.flatMap(s -> name(s, false)),
                subject.map(s -> text(s, "gender")).filter(v -> v != null && !v.isBlank()),
                eventDate,
                encounter.flatMap(DeclarationReader::encounterLocation),
                informant.flatMap(DeclarationReader::informantType).or(() -> extension(task, "contact-person")),
                mother.flatMap(m -> fullName(m)),
                extension(task, "contact-person-email"), extension(task, "contact-person-phone-number"),
                extensionUrl(task, LATE_REASON), mother.flatMap(m -> FhirDates.day(text(m, "birthDate"))),
                subject.filter(s -> event == EventType.DEATH).flatMap(s -> FhirDates.day(text(s, "birthDate"))));
    }

    /** The resource a Composition section points to. */
    static Optional<JsonNode> section(JsonNode composition, String code, Function<String, Optional<JsonNode>> resolve) {
        for (var section : composition.path("section")) {
            for (var coding : section.path("code").path("coding")) {
                if (code.equals(coding.path("code").textValue())) {
                    var reference = section.path("entry").path(0).path("reference").textValue();
                    return Optional.ofNullable(reference).flatMap(resolve);
                }
            }
        }
        return Optional.empty();
    }

    /** The {@code Location/<id>} of an Encounter's first location, as an id. */
    static Optional<String> encounterLocation(JsonNode encounter) {
        var reference = encounter.path("location").path(0).path("location").path("reference").textValue();
        return reference != null && reference.startsWith("Location/") && reference.length() > 9
                ? Optional.of(reference.substring(9)) : Optional.empty();
    }

    /** OpenCRVS sends {@code relationship} as one CodeableConcept; FHIR R4 has an array of them. Both are read. */
    private static Optional<String> informantType(JsonNode informant) {
        var relationship = informant.path("relationship");
        if (relationship.isArray()) {
            relationship = relationship.path(0);
        }
        return Optional.ofNullable(relationship.path("coding").path(0).path("code").textValue())
                .filter(v -> !v.isBlank());
    }

    private static Optional<String> fullName(JsonNode person) {
        var given = name(person, true).orElse("");
        var family = name(person, false).orElse("");
        var full = (given + " " + family).strip();
        return full.isEmpty() ? Optional.empty() : Optional.of(full);
    }

    /** Given names (joined) or family name of the preferred ({@code en}, else first) name. */
    static Optional<String> name(JsonNode person, boolean given) {
        JsonNode chosen = null;
        for (var name : person.path("name")) {
            if (chosen == null || "en".equals(name.path("use").textValue())) {
                chosen = name;
            }
        }
        if (chosen == null) {
            return Optional.empty();
        }
        if (!given) {
            return Optional.ofNullable(chosen.path("family").textValue()).map(String::strip).filter(s -> !s.isEmpty());
        }
        var parts = new ArrayList<String>();
        chosen.path("given").forEach(g -> {
            if (g.isTextual() && !g.textValue().isBlank()) {
                parts.add(g.textValue().strip());
            }
        });
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", parts));
    }

    static Optional<String> extension(JsonNode resource, String name) {
        return extensionUrl(resource, EXT + name);
    }

    static Optional<String> extensionUrl(JsonNode resource, String url) {
        for (var extension : resource.path("extension")) {
            if (url.equals(extension.path("url").textValue())) {
                var value = extension.path("valueString").textValue();
                return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
            }
        }
        return Optional.empty();
    }

    /** The {@code valueReference.reference} of a Task extension such as regLastOffice. */
    static Optional<String> referenceExtension(JsonNode resource, String name) {
        for (var extension : resource.path("extension")) {
            if ((EXT + name).equals(extension.path("url").textValue())) {
                return Optional.ofNullable(extension.path("valueReference").path("reference").textValue());
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).textValue();
    }
}
