package io.freelance.ledger.query.graphql;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.execution.ConnectionTypeDefinitionConfigurer;

/** The application's schema files with its scalars and the connection types Spring GraphQL adds, for tests that look at documents without running them. */
final class ApiSchema {

    private ApiSchema() {
    }

    static GraphQLSchema withoutDataFetchers() {
        TypeDefinitionRegistry types = new TypeDefinitionRegistry();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
                types.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new ConnectionTypeDefinitionConfigurer().configure(types);
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(ScalarConfiguration.DATE_TIME).scalar(ScalarConfiguration.DATE).scalar(ScalarConfiguration.DECIMAL)
                .scalar(ScalarConfiguration.LONG).scalar(ScalarConfiguration.JSON)
                .build();
        return new SchemaGenerator().makeExecutableSchema(types, wiring);
    }
}
