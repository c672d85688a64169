package io.freelance.ledger.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.freelance.ledger.query.infrastructure.ReadStoreAddress;
import io.freelance.ledger.query.readstore.ReadStoreDurability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code LEDGER_MONGO_URI}, the read models live in an in-process MongoDB wire-protocol
 * server whose H2 file sits beside the event store, so both survive a restart together. The
 * application reaches it through the real MongoDB driver on loopback, exactly as it would reach
 * a real MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${ledger.mongo.uri:}'.isBlank()")
public class EmbeddedMongoConfig {

    /**
     * {@code ledger.read-store.cache-mb} when it is not set: the read-model file's page cache, in MB. Small on
     * purpose. Cached pages live for minutes under load, long enough to reach the old generation and die there,
     * which starts the collector's concurrent cycles; a page read again costs less than that. Measured with 16
     * clients over six minutes (SustainedLoadBenchmark, -Xmx512m): 64 MB was the slowest and 4 MB the fastest,
     * with H2's own 16 MB in between (README, Benchmarks).
     */
    public static final int DEFAULT_READ_STORE_CACHE_MB = 4;

    /**
     * The read-model file; the server closes it when it shuts down. Its collections answer with copies
     * of what they store, so replies encoded while updates run stay whole ({@link CopyingH2Collection}).
     */
    @Bean(destroyMethod = "")
    public H2Backend readModelBackend(@Value("${ledger.data-dir}") Path dataDirectory,
                                      @Value("${ledger.read-store.cache-mb:" + DEFAULT_READ_STORE_CACHE_MB + "}") int cacheMegabytes) {
        return new CopyingH2Backend(readModelFile(dataDirectory).toString(), cacheMegabytes);
    }

    /** Shut down with the context: the server's Netty threads are not daemons and would keep the JVM alive. */
    @Bean(destroyMethod = "shutdownNow")
    public MongoServer embeddedMongoServer(H2Backend readModelBackend) {
        MongoServer server = new MongoServer(readModelBackend);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        return server;
    }

    /** Every event processor makes its read-model writes durable before it moves its token on. */
    @Bean
    public ConfigurerModule readModelCommitsBeforeTokens(H2Backend readModelBackend) {
        ReadModelCommitInterceptor interceptor = new ReadModelCommitInterceptor(readModelBackend);
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processorName) -> interceptor);
    }

    /**
     * Uploaded screenshots are no projection that events can rebuild: an upload commits the file before it
     * is answered, so a process killed a moment later keeps what it acknowledged.
     */
    @Bean
    public ReadStoreDurability embeddedReadStoreDurability(H2Backend readModelBackend) {
        return readModelBackend::commit;
    }

    @Bean
    public ReadStoreAddress embeddedReadStore(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        return () -> "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    private static Path readModelFile(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDirectory, e);
        }
        return dataDirectory.resolve("read-models.mv.db");
    }
}
