package io.freelance.ledger.query.messaging.notification;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The messaging emails. Spring Boot builds a {@link JavaMailSender} only when {@code spring.mail.host}
 * ({@code SPRING_MAIL_HOST}) is set; without it the emails go to the outbox and the log alone, so standalone
 * mode needs no SMTP server.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
public class EmailConfiguration {

    @Bean
    public EmailOutbox emailOutbox(MongoDatabase readModelDatabase) {
        return new EmailOutbox(readModelDatabase);
    }

    @Bean
    public MessageEmails messageEmails(EmailOutbox emailOutbox, ObjectProvider<JavaMailSender> smtp, EmailProperties properties,
                                       Clock serviceClock) {
        return new MessageEmails(emailOutbox, Optional.ofNullable(smtp.getIfAvailable()), properties, serviceClock);
    }

    @Bean
    public UnreadMessagesEmail unreadMessagesEmail(EmailProperties properties) {
        return new UnreadMessagesEmail(properties);
    }
}
