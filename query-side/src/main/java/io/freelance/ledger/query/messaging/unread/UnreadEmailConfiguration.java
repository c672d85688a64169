package io.freelance.ledger.query.messaging.unread;

import io.freelance.ledger.query.messaging.RoomReadModel;
import io.freelance.ledger.query.messaging.live.Presence;
import io.freelance.ledger.query.messaging.notification.MessageEmails;
import io.freelance.ledger.query.messaging.notification.UnreadMessagesEmail;
import io.freelance.ledger.query.operations.PeriodicTask;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The offline email about unread messages: found by a periodic check, decided by the command side, then sent. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UnreadEmailProperties.class)
public class UnreadEmailConfiguration {

    @Bean
    public UnreadBatches unreadBatches(RoomReadModel rooms, UnreadEmailProperties properties) {
        return new UnreadBatches(rooms, properties);
    }

    @Bean
    public UnreadEmailCheck unreadEmailCheck(UnreadBatches batches, Presence presence, CommandGateway commandGateway,
                                             EventProcessingConfiguration processors, Clock serviceClock) {
        return new UnreadEmailCheck(batches, presence, commandGateway, processors, serviceClock);
    }

    @Bean
    public PeriodicTask unreadEmailSchedule(UnreadEmailCheck check, UnreadEmailProperties properties) {
        return new PeriodicTask("unread-email-check", properties.checkInterval(), properties.checkInterval(), check::check);
    }

    @Bean
    public UnreadEmailSender unreadEmailSender(RoomReadModel rooms, UnreadMessagesEmail template, MessageEmails emails) {
        return new UnreadEmailSender(rooms, template, emails);
    }
}
