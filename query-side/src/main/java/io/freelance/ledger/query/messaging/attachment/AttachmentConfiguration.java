package io.freelance.ledger.query.messaging.attachment;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.query.readstore.ReadStoreDurability;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Message attachments, stored in the read-model database's GridFS bucket {@code attachments}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentConfiguration {

    @Bean
    AttachmentFiles attachmentFiles(MongoDatabase readModelDatabase) {
        return new AttachmentFiles(readModelDatabase);
    }

    @Bean
    Attachments attachments(AttachmentFiles attachmentFiles) {
        return new Attachments(attachmentFiles);
    }

    @Bean
    AttachmentUploads attachmentUploads(AttachmentProperties properties, AttachmentFiles attachmentFiles,
                                        ObjectProvider<ReadStoreDurability> durability) {
        return new AttachmentUploads(properties.maxBytes().toBytes(), new AttachmentTypes(properties.allowedTypes()),
                attachmentFiles, durability.getIfAvailable(() -> ReadStoreDurability.AS_ACKNOWLEDGED),
                Clock.systemUTC());
    }

    /**
     * Rooms come from the messaging read model; until an {@link AttachmentRooms} bean exists (wherever it is
     * declared, whichever configuration Spring reads first), no room has members and only uploaders download.
     */
    @Bean
    AttachmentAccess attachmentAccess(ObjectProvider<AttachmentRooms> rooms) {
        return new AttachmentAccess(rooms.getIfAvailable(() -> AttachmentRooms.NONE));
    }
}
