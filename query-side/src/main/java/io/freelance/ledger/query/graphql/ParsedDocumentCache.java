package io.freelance.ledger.query.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct request text once. Frontends send the same few documents over and
 * over with different variables, and parsing plus validating one costs more CPU than most requests'
 * own work. Only documents that passed validation are kept (a refused one is parsed again, so its
 * errors are always worked out fresh), only up to a length, and in a cache bounded by total
 * characters (Caffeine, evicting the least used), so hostile requests cannot grow it.
 */
@Configuration(proxyBeanMethods = false)
public class ParsedDocumentCache implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;
    private final int longestCachedDocument;

    public ParsedDocumentCache(@Value("${ledger.graphql.document-cache.max-characters:4000000}") long maxCharacters,
                               @Value("${ledger.graphql.document-cache.longest-document:20000}") int longestCachedDocument) {
        this.documents = Caffeine.newBuilder()
                .maximumWeight(maxCharacters)
                .weigher((String text, PreparsedDocumentEntry entry) -> text.length())
                .build();
        this.longestCachedDocument = longestCachedDocument;
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCacheCustomizer() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String text = input.getQuery();
        if (text.length() > longestCachedDocument) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        PreparsedDocumentEntry cached = documents.getIfPresent(text);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            documents.put(text, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    long cachedDocuments() {
        return documents.estimatedSize();
    }

    /** Runs pending evictions now (Caffeine otherwise does so on its own schedule). */
    void cleanUp() {
        documents.cleanUp();
    }
}
