package io.crvs.locations.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.Audiences;
import io.crvs.auth.Scopes;
import io.crvs.auth.TokenVerifier;
import io.crvs.locations.Location;
import io.crvs.locations.LocationNotFoundException;
import io.crvs.locations.Locations;
import io.crvs.locations.usecase.LocationActions;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.fhir.Fhir;
import io.crvs.platform.http.Endpoint;
import io.crvs.platform.http.Requests;
import io.crvs.platform.problem.BadRequestException;
import io.crvs.platform.problem.NotFoundException;
import io.crvs.platform.problem.ProblemException;
import io.crvs.platform.problem.UnsupportedMediaTypeException;
import io.crvs.platform.problem.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FHIR Location REST API of OpenCRVS's gateway (interop §8): public search and read, and create and update
 * for National System Administrators. Every answer, errors included, is FHIR JSON ({@code application/fhir+json});
 * errors are {@code OperationOutcome}s.
 */
public final class LocationEndpoint implements Endpoint {
    static final String FHIR_JSON = "application/fhir+json;charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(LocationEndpoint.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}");

    private final Locations locations;
    private final LocationActions actions;
    private final TokenVerifier verifier;
    private final LocationResources resources;
    private final ObjectMapper json;
    private final Clock clock;

    public LocationEndpoint(Locations locations, LocationActions actions, TokenVerifier verifier, Fhir fhir,
            ObjectMapper json, Clock clock) {
        this.locations = locations;
        this.actions = actions;
        this.verifier = verifier;
        this.resources = new LocationResources(fhir, json);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/location", fhir(this::search));
        routes.post("/location", fhir(this::create));
        routes.get("/location/{id}", fhir(this::read));
        routes.put("/location/{id}", fhir(this::update));
        // Other methods get a FHIR answer too, not the generic problem document.
        Handler refuseOnCollection = refuse("GET, POST", "; update a location with PUT /location/{id}");
        Handler refuseOnResource = refuse("GET, PUT", "");
        routes.put("/location", refuseOnCollection);
        routes.delete("/location", refuseOnCollection);
        routes.patch("/location", refuseOnCollection);
        routes.post("/location/{id}", refuseOnResource);
        routes.delete("/location/{id}", refuseOnResource);
        routes.patch("/location/{id}", refuseOnResource);
    }

    private Handler refuse(String allowed, String hint) {
        return fhir(ctx -> {
            ctx.header("Allow", allowed);
            throw new MethodNotAllowedException(ctx.method() + " is not allowed on " + ctx.path()
                    + (ctx.method().toString().equals("PUT") ? hint : ""));
        });
    }

    private void search(Context ctx) {
        var parsed = LocationSearch.parse(ctx.queryParamMap());
        var query = parsed.query();
        var page = locations.search(query);
        var origin = origin(ctx);
        var links = new ArrayList<Bundle.BundleLinkComponent>();
        links.add(link("self", LocationSearch.link(origin, parsed,
                query.offset() > 0 ? Optional.of(query.offset()) : Optional.empty(), false)));
        if (query.offset() + page.entries().size() < page.total() && !page.entries().isEmpty()) {
            links.add(link("next", LocationSearch.link(origin, parsed, Optional.of(query.offset() + query.count()), true)));
        }
        if (query.offset() > 0) {
            links.add(link("previous", LocationSearch.link(origin, parsed,
                    Optional.of(Math.max(0, query.offset() - query.count())), true)));
        }
        write(ctx, 200, resources.searchset(page.entries(), page.total(), origin, links, clock.instant()));
    }

    private void read(Context ctx) {
        var id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw new ValidationException("id", "must be letters, digits, '_', '-' or '.', at most 64");
        }
        if (id.equals(Location.ROOT)) {
            throw new NotFoundException("location_not_found", "Location/0 stands for the"
                    + " country, the parent of the top-level areas; it is not a stored resource");
        }
        write(ctx, 200, resources.resource(locations.details(id).orElseThrow(() -> new LocationNotFoundException(id))));
    }

    private void create(Context ctx) {
        var actor = admin(ctx);
        var body = body(ctx);
        var batch = LocationRequests.creations(body);
        var created = actions.create(batch, actor);
        var origin = origin(ctx);
        if (body.isObject()) {
            var location = created.getFirst();
            ctx.header("Location", LocationResources.fullUrl(origin, location));
            write(ctx, 201, resources.resource(location));
        } else {
            write(ctx, 201, resources.created(created, origin, clock.instant()));
        }
    }

    private void update(Context ctx) {
        var actor = admin(ctx);
        var id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw new ValidationException("id", "must be letters, digits, '_', '-' or '.', at most 64");
        }
        var change = LocationRequests.change(body(ctx));
        write(ctx, 200, resources.resource(actions.update(id, change, actor)));
    }

    /** Creating and changing locations needs a National System Administrator, as in OpenCRVS. */
    private Actor admin(Context ctx) {
        var caller = verifier.authenticate(ctx.header("Authorization"), Audiences.GATEWAY, Set.of(Scopes.NATLSYSADMIN));
        return Requests.actor(ctx).as(caller.actorType(), caller.subject());
    }

    private JsonNode body(Context ctx) {
        var type = ctx.contentType();
        if (type == null || !Requests.isJson(type)) {
            throw new UnsupportedMediaTypeException(Requests.notJson(ctx));
        }
        var bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw new BadRequestException("empty_body", "A JSON body is required");
        }
        try {
            var node = json.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new BadRequestException("empty_body", "A JSON body is required");
            }
            return node;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new BadRequestException("malformed_json", "The body is not valid JSON" + (location == null ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new BadRequestException("malformed_json", "The body could not be read");
        }
    }

    private static Bundle.BundleLinkComponent link(String relation, String url) {
        return new Bundle.BundleLinkComponent().setRelation(relation).setUrl(url);
    }

    /** Links point where the caller came from, as OpenCRVS's gateway rewrites them to the request's origin. */
    private static String origin(Context ctx) {
        var host = ctx.host();
        return ctx.scheme() + "://" + (host != null && HOST.matcher(host).matches() ? host : "localhost");
    }

    private void write(Context ctx, int status, IBaseResource resource) {
        // FHIR's MIME parameter fhirVersion=4.0 asks for strict R4; OpenCRVS's clients get its STU3-style shape.
        var accept = Optional.ofNullable(ctx.header("Accept")).orElse("").toLowerCase(Locale.ROOT).replace(" ", "");
        var r4 = accept.contains("fhirversion=4.0");
        ctx.status(status).contentType(FHIR_JSON).result(resources.write(resource, r4).getBytes(StandardCharsets.UTF_8));
    }

    /** Runs {@code action}, answering any error as an OperationOutcome: never a stack trace, never HTML. */
    private Handler fhir(Handler action) {
        return ctx -> {
            try {
                action.handle(ctx);
            } catch (ProblemException e) {
                e.headers().forEach(ctx::header);
                write(ctx, e.status(), OperationOutcomes.of(e));
            } catch (HttpResponseException e) {
                var status = e.getStatus();
                var detail = status == 413 ? "The request body is too large" : HttpStatus.forStatus(status).getMessage();
                write(ctx, status, OperationOutcomes.of(status, status == 413 ? "payload_too_large" : "http_" + status,
                        detail, List.of()));
            } catch (Exception e) {
                LOG.atError().setCause(e).addKeyValue("request_id", Requests.requestId(ctx))
                        .log("Unexpected error on {} {}", ctx.method(), ctx.path());
                write(ctx, 500, OperationOutcomes.of(500, "internal_error", "An unexpected error occurred; quote"
                        + " request id " + Requests.requestId(ctx) + " to the operator", List.of()));
            }
        };
    }

    /** HTTP 405 for a method the Location API does not offer on a path. */
    private static final class MethodNotAllowedException extends ProblemException {
        MethodNotAllowedException(String detail) {
            super(405, "method_not_allowed", detail);
        }
    }
}
