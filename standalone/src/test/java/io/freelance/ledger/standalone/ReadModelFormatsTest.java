package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.freelance.ledger.query.infrastructure.ReadModelFormats;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Read models written in an older layout are rebuilt from the event store at start-up: here, contracts
 * from before escrow accounts had a collection of their own (their milestones and escrow would be gone).
 */
class ReadModelFormatsTest extends StandaloneTestBase {

    @Autowired
    MongoDatabase readModels;

    @Autowired
    ReadModelFormats readModelFormats;

    @Test
    void readModelsOfAnOlderLayoutAreReplayedIntoTheCurrentOne() {
        JsonNode offered = api.offerFixedPrice(ALICE, unique("layout"), CAROL.id(), "USD",
                List.of(milestone("Design", "100.00", "USD"))).dataAt("offerFixedPriceContract.contract");
        String contractId = offered.path("id").asString();
        api.accept(CAROL, contractId);
        assertThat(escrowStatus(contractId)).isEqualTo("OPEN");

        // As an older version left them: no escrow_accounts collection, layout 1 recorded.
        readModels.getCollection("escrow_accounts").drop();
        readModels.getCollection("read_model_formats").replaceOne(Filters.eq("_id", "contract-projection"),
                new Document("_id", "contract-projection").append("layout", 1), new ReplaceOptions().upsert(true));
        assertThat(escrowStatus(contractId)).as("the old layout shows no escrow").isEmpty();

        readModelFormats.rebuildOutdatedReadModels();

        eventually(() -> assertThat(escrowStatus(contractId)).isEqualTo("OPEN"));
        assertThat(readModels.getCollection("read_model_formats").find(Filters.eq("_id", "contract-projection")).first()
                .getInteger("layout")).isEqualTo(3);
        assertThat(api.contract(ALICE, contractId).dataAt("contract.milestones.0.description").asString()).isEqualTo("Design");
    }

    private String escrowStatus(String contractId) {
        JsonNode status = api.contract(ALICE, contractId).dataAt("contract.escrow.status");
        return status.isMissingNode() || status.isNull() ? "" : status.asString();
    }
}
