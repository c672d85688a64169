package io.freelance.ledger.query.security;

import com.mongodb.client.MongoDatabase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link UserDirectory} of the sign-in mode: the configured users, or those who signed in with a JWT. */
@Configuration(proxyBeanMethods = false)
public class UserDirectoryConfiguration {

    @Bean
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "basic", matchIfMissing = true)
    public UserDirectory configuredUsers(LedgerSecurityProperties properties) {
        return new ConfiguredUserDirectory(properties);
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "jwt")
    public SignedInUserDirectory signedInUsers(MongoDatabase readModelDatabase) {
        return new SignedInUserDirectory(readModelDatabase);
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "jwt")
    public JwtSignIns jwtSignIns(SignedInUserDirectory signedInUsers) {
        return new JwtSignIns(signedInUsers);
    }

    /** A servlet filter, registered by Spring Boot after Spring Security's, so the token has been checked. */
    @Bean
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "jwt")
    public SignInRecordingFilter signInRecordingFilter(JwtSignIns jwtSignIns) {
        return new SignInRecordingFilter(jwtSignIns);
    }
}
