package io.freelance.ledger.query.security;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.query.security.CurrentActor;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

@Controller
public class UserController {

    private final CurrentActor currentActor;

    public UserController(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @QueryMapping
    public UserView me(Authentication authentication) {
        Actor actor = currentActor.of(authentication);
        return new UserView(actor.userId(), actor.role());
    }
}
