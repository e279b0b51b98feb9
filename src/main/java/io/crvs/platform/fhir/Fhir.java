package io.crvs.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The one HAPI FHIR R4 context of the process. Creating a context and scanning the model is expensive, so it is
 * made once, on first use (keeping start-up fast for routes that never touch FHIR). Parsers are cheap and not
 * thread-safe: each call gets its own. Thread-safe.
 */
public final class Fhir {
    private volatile FhirContext context;

    public FhirContext context() {
        var current = context;
        if (current == null) {
            synchronized (this) {
                current = context;
                if (current == null) {
                    current = FhirContext.forR4();
                    context = current;
                }
            }
        }
        return current;
    }

    /** A JSON parser that reports unknown elements and invalid values as errors. */
    public IParser strictParser() {
        return context().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    /**
     * A JSON parser that tolerates what real clients send (unknown elements, invalid primitive values) without
     * logging each one, and fails only on what cannot be FHIR at all.
     */
    public IParser lenientParser() {
        var handler = new LenientErrorHandler(false).setErrorOnInvalidValue(false);
        return context().newJsonParser().setParserErrorHandler(handler);
    }

    public String toJson(IBaseResource resource) {
        return context().newJsonParser().encodeResourceToString(resource);
    }
}
