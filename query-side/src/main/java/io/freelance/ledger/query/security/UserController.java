package io.freelance.ledger.query.security;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
public class UserController {

    @QueryMapping
    public UserView me(Caller caller) {
        return new UserView(caller.userId(), caller.actor().role());
    }
}
