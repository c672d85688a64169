package io.freelance.ledger.query.messaging.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachmentControllerTest {

    @Test
    void aDownloadNamesTheFileInUtf8AndInPlainAsciiForOlderClients() {
        assertThat(AttachmentController.contentDisposition("Résumé \"v2\".pdf"))
                .isEqualTo("attachment; filename=\"R_sum_ _v2_.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22v2%22.pdf");
        assertThat(AttachmentController.contentDisposition("brief.pdf"))
                .isEqualTo("attachment; filename=\"brief.pdf\"; filename*=UTF-8''brief.pdf");
    }
}
