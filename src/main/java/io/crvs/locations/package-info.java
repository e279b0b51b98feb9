/**
 * Locations: a country's administrative areas (provinces, districts, deeper levels), civil registration offices
 * and health facilities, with population statistics per year. Stands in for the Location resources OpenCRVS keeps
 * in Hearth, the gateway's FHIR Location REST API ({@code /location}, interop spec §8) and the location seeding of
 * the country configuration (the Farajaland CSV formats).
 *
 * <p>API for other modules: {@link io.crvs.locations.Locations} (find, offices, lineage, details, search) and the
 * value types in this package. Sub-packages are private: {@code fhir} (HTTP and HAPI mapping), {@code usecase}
 * (checks and transactions), {@code seed} (CSV reading), {@code store} (SQL).
 */
package io.crvs.locations;
