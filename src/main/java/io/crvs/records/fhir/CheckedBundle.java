package io.crvs.records.fhir;

import io.crvs.locations.Location;
import io.crvs.records.workflow.Declaration;

/** A bundle that passed the semantic rules: the office it goes to, that office's district, and its facts. */
public record CheckedBundle(IncomingBundle bundle, Location office, Location district, Declaration declaration) {
}
