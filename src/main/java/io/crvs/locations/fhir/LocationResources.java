package io.crvs.locations.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.locations.Location;
import io.crvs.locations.LocationDetails;
import io.crvs.locations.YearStatistics;
import io.crvs.platform.fhir.Fhir;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location.LocationMode;
import org.hl7.fhir.r4.model.Location.LocationStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Locations as FHIR R4 resources in the shape OpenCRVS v1.4 serves them (interop §8): its identifier systems,
 * {@code type} and {@code physicalType} codings, {@code partOf: Location/0} for top-level areas, and statistics
 * as extensions holding JSON text such as {@code [{"2020":12345}]}. Thread-safe.
 */
final class LocationResources {
    static final String SPECS = "http://opencrvs.org/specs";
    static final String STATISTICAL_CODE = SPECS + "/id/statistical-code";
    static final String JURISDICTION_TYPE = SPECS + "/id/jurisdiction-type";
    static final String INTERNAL_ID = SPECS + "/id/internal-id";
    static final String LOCATION_TYPE = SPECS + "/location-type";
    static final String MALE_POPULATIONS = SPECS + "/id/statistics-male-populations";
    static final String FEMALE_POPULATIONS = SPECS + "/id/statistics-female-populations";
    static final String TOTAL_POPULATIONS = SPECS + "/id/statistics-total-populations";
    static final String CRUDE_BIRTH_RATES = SPECS + "/id/statistics-crude-birth-rates";

    private final Fhir fhir;
    private final ObjectMapper json;

    LocationResources(Fhir fhir, ObjectMapper json) {
        this.fhir = fhir;
        this.json = json;
    }

    org.hl7.fhir.r4.model.Location resource(LocationDetails details) {
        var location = details.location();
        var resource = new org.hl7.fhir.r4.model.Location();
        resource.setId(location.id());
        resource.getMeta().setLastUpdated(Date.from(details.lastUpdated()));
        if (location.isAdminArea()) {
            resource.addIdentifier().setSystem(STATISTICAL_CODE)
                    .setValue(location.type().identifier(location.statisticalId()));
            location.jurisdictionType().ifPresent(j ->
                    resource.addIdentifier().setSystem(JURISDICTION_TYPE).setValue(j.name()));
            resource.setDescription(location.statisticalId());
        } else {
            resource.addIdentifier().setSystem(INTERNAL_ID).setValue(location.type().identifier(location.statisticalId()));
        }
        resource.setName(location.name());
        // OpenCRVS always lists an alias; without one of its own a location is known by its name.
        resource.addAlias(location.alias().orElse(location.name()));
        resource.setStatus(location.isActive() ? LocationStatus.ACTIVE : LocationStatus.INACTIVE);
        resource.setMode(LocationMode.INSTANCE);
        resource.setPartOf(new Reference("Location/" + location.partOf().orElse(Location.ROOT)));
        resource.addType().addCoding().setSystem(LOCATION_TYPE).setCode(location.type().name());
        resource.getPhysicalType().addCoding().setCode(location.isAdminArea() ? "jdn" : "bu")
                .setDisplay(location.isAdminArea() ? "Jurisdiction" : "Building");
        if (!details.statistics().isEmpty()) {
            var years = details.statistics();
            extension(resource, MALE_POPULATIONS, years, y -> y.malePopulation());
            extension(resource, FEMALE_POPULATIONS, years, y -> y.femalePopulation());
            extension(resource, TOTAL_POPULATIONS, years, y -> y.population());
            extension(resource, CRUDE_BIRTH_RATES, years, YearStatistics::crudeBirthRate);
        }
        return resource;
    }

    /** OpenCRVS's statistics format: a JSON array of one-member objects, year → figure, oldest year first. */
    private void extension(org.hl7.fhir.r4.model.Location resource, String url, List<YearStatistics> years,
            ToDoubleFunction<YearStatistics> figure) {
        var array = json.createArrayNode();
        for (var year : years) {
            var value = figure.applyAsDouble(year);
            var key = Integer.toString(year.year());
            // Written as JavaScript would: 20000, not 20000.0.
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                array.addObject().put(key, (long) value);
            } else {
                array.addObject().put(key, value);
            }
        }
        try {
            resource.addExtension(url, new StringType(json.writeValueAsString(array)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Bundle searchset(List<LocationDetails> entries, int total, String origin, List<Bundle.BundleLinkComponent> links,
            Instant now) {
        var bundle = bundle(Bundle.BundleType.SEARCHSET, now);
        bundle.setTotal(total);
        links.forEach(bundle::addLink);
        for (var details : entries) {
            bundle.addEntry().setFullUrl(fullUrl(origin, details)).setResource(resource(details))
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /** The answer to a batch {@code POST /location}: one entry per location created, in the order sent. */
    Bundle created(List<LocationDetails> created, String origin, Instant now) {
        var bundle = bundle(Bundle.BundleType.BATCHRESPONSE, now);
        for (var details : created) {
            var entry = bundle.addEntry().setFullUrl(fullUrl(origin, details)).setResource(resource(details));
            entry.getResponse().setStatus("201 Created").setLocation("Location/" + details.location().id())
                    .setLastModified(Date.from(details.lastUpdated()));
        }
        return bundle;
    }

    static String fullUrl(String origin, LocationDetails details) {
        return origin + "/location/" + details.location().id();
    }

    private static Bundle bundle(Bundle.BundleType type, Instant now) {
        var bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().setLastUpdated(Date.from(now));
        bundle.setType(type);
        return bundle;
    }

    /**
     * JSON text of {@code resource}. OpenCRVS serves Locations from a FHIR STU3 store, where {@code Location.type}
     * is one CodeableConcept, and its clients read {@code type.coding}; so unless the caller asked for R4
     * ({@code r4}), each Location's {@code type} array is written as its single element. HAPI's default (lenient)
     * R4 parser reads both forms.
     */
    String write(IBaseResource resource, boolean r4) {
        var text = fhir.toJson(resource);
        if (r4) {
            return text;
        }
        try {
            var tree = json.readTree(text);
            openCrvsShape(tree);
            if (tree.path("resourceType").asText().equals("Bundle")) {
                tree.path("entry").forEach(entry -> openCrvsShape(entry.path("resource")));
            }
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void openCrvsShape(JsonNode node) {
        if (node instanceof ObjectNode object && "Location".equals(object.path("resourceType").asText())
                && object.path("type").isArray() && object.path("type").size() == 1) {
            object.set("type", object.path("type").get(0));
        }
    }
}
