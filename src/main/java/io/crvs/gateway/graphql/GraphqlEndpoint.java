package io.crvs.gateway.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.introspection.Introspection;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.crvs.auth.Audiences;
import io.crvs.auth.ClientRegistry;
import io.crvs.auth.Scopes;
import io.crvs.auth.TokenVerifier;
import io.crvs.platform.http.Endpoint;
import io.crvs.platform.http.Requests;
import io.crvs.platform.problem.BadRequestException;
import io.crvs.platform.problem.ProblemException;
import io.crvs.users.UsersModule;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /graphql}: the part of OpenCRVS's gateway GraphQL API that crvs serves (integration clients, for the
 * OpenCRVS admin UI). Needs a valid token; each resolver checks its own scope. Errors raised by crvs carry
 * {@code extensions.code}; when any is a refusal the HTTP status is 403, so a plain HTTP client sees it too.
 */
public final class GraphqlEndpoint implements Endpoint {
    static final String CALLER = "crvs.caller";
    static final String ACTOR = "crvs.actor";
    private static final Logger LOG = LoggerFactory.getLogger(GraphqlEndpoint.class);
    private static final int MAX_QUERY_CHARS = 100_000;

    private final CompletableFuture<GraphQL> graphql;
    private final TokenVerifier verifier;
    private final ObjectMapper json;

    public GraphqlEndpoint(ClientRegistry clients, UsersModule users, TokenVerifier verifier, ObjectMapper json) {
        this.verifier = verifier;
        this.json = json;
        // Building the schema takes a few hundred milliseconds: done beside the rest of start-up, not before it.
        this.graphql = CompletableFuture.supplyAsync(() -> build(clients, users),
                command -> Thread.ofPlatform().name("crvs-graphql-init").daemon(true).start(command));
    }

    private static GraphQL build(ClientRegistry clients, UsersModule users) {
        var wiring = new SystemResolvers(clients, users).wire(RuntimeWiring.newRuntimeWiring()).build();
        var schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(schemaText()), wiring);
        return GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(errors())
                .instrumentation(new ChainedInstrumentation(List.of(new MaxQueryDepthInstrumentation(12),
                        new MaxQueryComplexityInstrumentation(500))))
                .build();
    }

    /** GraphQL over HTTP's request members; {@code extensions} (an object) is accepted and ignored. */
    record Request(String query, Map<String, Object> variables, String operationName, Map<String, Object> extensions) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/graphql", this::execute);
    }

    private void execute(Context ctx) throws Exception {
        var caller = verifier.authenticate(ctx.header("Authorization"), Audiences.GATEWAY, Set.of());
        var request = Requests.json(ctx, json, Request.class);
        if (request.query() == null || request.query().isBlank() || request.query().length() > MAX_QUERY_CHARS) {
            throw new BadRequestException("invalid_query", "query is required and at most " + MAX_QUERY_CHARS + " characters");
        }
        var input = ExecutionInput.newExecutionInput().query(request.query())
                .variables(request.variables() == null ? Map.of() : request.variables())
                .operationName(request.operationName())
                // Only a National System Administrator may read the schema: every operation here is theirs alone.
                .graphQLContext(Map.of(CALLER, caller, ACTOR, Requests.actor(ctx).as(caller.actorType(), caller.subject()),
                        Introspection.INTROSPECTION_DISABLED, !caller.hasScope(Scopes.NATLSYSADMIN)))
                .build();
        var result = graphql.join().execute(input);
        var body = result.toSpecification();
        // registerSystem, refreshSystemSecret and fetchSystem answer with secrets: never cached, not even by HTTP/1.0.
        ctx.header("Pragma", "no-cache");
        ctx.status(status(result.getErrors(), result.isDataPresent())).contentType("application/json")
                .result(json.writeValueAsBytes(body));
    }

    /** 403 when crvs refused something; 400 when the document itself is invalid; 200 otherwise. */
    private static int status(List<GraphQLError> errors, boolean dataPresent) {
        if (errors.stream().anyMatch(e -> e.getExtensions() != null && Integer.valueOf(403).equals(e.getExtensions().get("status")))) {
            return 403;
        }
        return !dataPresent && !errors.isEmpty() ? 400 : 200;
    }

    private static DataFetcherExceptionHandler errors() {
        return parameters -> {
            var cause = parameters.getException();
            var builder = GraphqlErrorBuilder.newError().path(parameters.getPath()).location(parameters.getSourceLocation());
            if (cause instanceof ProblemException problem) {
                var extensions = new LinkedHashMap<String, Object>();
                extensions.put("code", problem.code());
                extensions.put("status", problem.status());
                if (!problem.errors().isEmpty()) {
                    extensions.put("errors", problem.errors().stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
                }
                builder.message(problem.detail()).extensions(extensions);
            } else {
                LOG.error("Unexpected error in GraphQL resolver {}", parameters.getPath(), cause);
                builder.message("Internal error").extensions(Map.of("code", "internal_error", "status", 500));
            }
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(builder.build()).build());
        };
    }

    private static String schemaText() {
        try (var stream = GraphqlEndpoint.class.getResourceAsStream("/graphql/systems.graphqls")) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
