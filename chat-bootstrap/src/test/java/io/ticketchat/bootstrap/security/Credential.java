package io.ticketchat.bootstrap.security;

import io.ticketchat.security.jwt.testing.TestTokens;

import java.time.Duration;

/** The credentials of the access matrix, each with the identity its requests claim in their bodies. */
enum Credential {
    NONE(false), EXPIRED(false), WRONG_SIGNATURE(false), ALG_NONE(false),
    OTHER_CUSTOMER(true), CUSTOMER(true), AGENT(true), FORGED_IDENTITY(true);

    final boolean authenticates;

    Credential(boolean authenticates) {
        this.authenticates = authenticates;
    }

    /** Who the body says is speaking: the token's own person, except for {@link #FORGED_IDENTITY}. */
    Identity claimed(Fixture fixture) {
        return switch (this) {
            case AGENT -> fixture.agent();
            case OTHER_CUSTOMER -> fixture.otherCustomer();
            case FORGED_IDENTITY -> fixture.agent();
            default -> fixture.customer();
        };
    }

    String token(Fixture fixture, TestTokens tokens) {
        Identity customer = fixture.customer();
        return switch (this) {
            case NONE -> null;
            case EXPIRED -> tokens.token().subject(customer.id()).userType("customer").name(customer.name())
                    .ticketIds(fixture.ticket()).expiresIn(Duration.ofMinutes(-5)).sign();
            case WRONG_SIGNATURE -> tokens.token().subject(customer.id()).userType("customer").name(customer.name())
                    .ticketIds(fixture.ticket()).signedWith("a-forgers-own-secret-0123456789-0123456789").sign();
            case ALG_NONE -> tokens.token().subject(customer.id()).userType("customer").name(customer.name())
                    .ticketIds(fixture.ticket()).unsigned();
            case OTHER_CUSTOMER -> tokens.customer(fixture.otherCustomer().id(), fixture.otherCustomer().name(), fixture.otherTicket());
            case CUSTOMER, FORGED_IDENTITY -> tokens.customer(customer.id(), customer.name(), fixture.ticket());
            case AGENT -> tokens.agent(fixture.agent().id(), fixture.agent().name());
        };
    }

    record Identity(long id, String type, String name) {
    }

    /** A ticket of its own per test, its customer, another customer with another ticket, and an agent. */
    record Fixture(long ticket, long otherTicket, Identity customer, Identity otherCustomer, Identity agent) {
    }
}
