package io.freelance.ledger.standalone.benchmark;

import io.freelance.ledger.standalone.DemoUser;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * One read a frontend makes: who asks, the GraphQL document, fresh variables for each request, and what
 * a correct answer to those variables must hold.
 */
record ReadPathQuery(String name,
                     DemoUser user,
                     String document,
                     Supplier<Map<String, Object>> variables,
                     BiConsumer<Map<String, Object>, JsonNode> requireCorrect) {
}
