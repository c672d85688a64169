package io.freelance.ledger.query.messaging.attachment;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.query.operations.PeriodicTask;
import io.freelance.ledger.query.readstore.ReadStoreDurability;
import java.time.Clock;
import java.time.Duration;
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
        return new AttachmentUploads(properties.maxBytes().toBytes(), properties.maxUploadTime(),
                new AttachmentTypes(properties.allowedTypes()),
                attachmentFiles, durability.getIfAvailable(() -> ReadStoreDurability.AS_ACKNOWLEDGED),
                Clock.systemUTC());
    }

    /** Removes what uploads cut off by a crash left behind (every ten minutes by default). */
    @Bean
    PeriodicTask abandonedUploadsSweep(AttachmentProperties properties, AttachmentFiles attachmentFiles) {
        AbandonedUploads abandoned = new AbandonedUploads(attachmentFiles, properties.maxUploadTime(), Clock.systemUTC());
        Duration interval = AbandonedUploads.sweepInterval(properties.maxUploadTime());
        return new PeriodicTask("abandoned-uploads-sweep", interval, interval, abandoned::sweep);
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
