package io.freelance.ledger.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ParsedDocumentCacheTest {

    private final AtomicInteger parses = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = input -> {
        parses.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };
    private final Function<ExecutionInput, PreparsedDocumentEntry> refuse = input -> {
        parses.incrementAndGet();
        return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("refused").build());
    };

    @Test
    void aDocumentSentAgainIsParsedOnce() {
        ParsedDocumentCache cache = new ParsedDocumentCache(1_000_000, 10_000);

        Document first = cache.getDocumentAsync(input("{ me { id } }"), parseAndValidate).join().getDocument();
        Document second = cache.getDocumentAsync(input("{ me { id } }"), parseAndValidate).join().getDocument();

        assertThat(parses).hasValue(1);
        assertThat(second).isSameAs(first);
        assertThat(cache.cachedDocuments()).isEqualTo(1);
    }

    @Test
    void aRefusedDocumentIsCheckedAgainEveryTime() {
        ParsedDocumentCache cache = new ParsedDocumentCache(1_000_000, 10_000);

        cache.getDocumentAsync(input("{ nope }"), refuse).join();
        PreparsedDocumentEntry again = cache.getDocumentAsync(input("{ nope }"), refuse).join();

        assertThat(again.hasErrors()).isTrue();
        assertThat(parses).hasValue(2);
        assertThat(cache.cachedDocuments()).isZero();
    }

    @Test
    void aDocumentLongerThanTheLimitIsNotKept() {
        ParsedDocumentCache cache = new ParsedDocumentCache(1_000_000, 20);
        String longDocument = "{ me { id } " + " ".repeat(40) + "}";

        cache.getDocumentAsync(input(longDocument), parseAndValidate).join();
        cache.getDocumentAsync(input(longDocument), parseAndValidate).join();

        assertThat(parses).hasValue(2);
        assertThat(cache.cachedDocuments()).isZero();
    }

    @Test
    void theCacheHoldsAtMostItsCharacterBudget() {
        ParsedDocumentCache cache = new ParsedDocumentCache(200, 10_000);

        for (int index = 0; index < 100; index++) {
            cache.getDocumentAsync(input("{ me { id } } # request " + index), parseAndValidate).join();
        }

        cache.cleanUp();
        assertThat(cache.cachedDocuments()).isLessThanOrEqualTo(200 / "{ me { id } } # request 10".length() + 1);
    }

    private static ExecutionInput input(String document) {
        return ExecutionInput.newExecutionInput(document).build();
    }
}
