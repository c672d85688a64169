package io.freelance.ledger.query.readstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdChunksTest {

    @Test
    void everyIdOnceInOrderInChunksOfAtMostTheSize() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            ids.add("id-" + i);
        }

        List<List<String>> chunks = IdChunks.of(new LinkedHashSet<>(ids), 200);

        assertThat(chunks).extracting(List::size).containsExactly(200, 200, 50);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(ids);
    }

    @Test
    void noIdsNoChunks() {
        assertThat(IdChunks.of(List.of(), 200)).isEmpty();
    }
}
