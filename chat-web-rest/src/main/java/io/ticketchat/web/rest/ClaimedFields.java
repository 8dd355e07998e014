package io.ticketchat.web.rest;

import io.ticketchat.application.port.in.ForbiddenException;

import java.util.function.Supplier;

/**
 * The wire names of one endpoint's identity fields. The use cases name a refused claim generically
 * ({@code userId}, {@code userType}, {@code name}); clients should hear the field they actually sent.
 */
record ClaimedFields(String userId, String userType, String name) {

    static final ClaimedFields SENDER = new ClaimedFields("senderId", "senderType", "senderName");
    static final ClaimedFields USER = new ClaimedFields("userId", "userType", "userName");

    <T> T call(Supplier<T> useCase) {
        try {
            return useCase.get();
        } catch (ForbiddenException e) {
            throw rename(e);
        }
    }

    private ForbiddenException rename(ForbiddenException e) {
        if (e.field() == null) {
            return e;
        }
        String wireName = switch (e.field()) {
            case "userId" -> userId;
            case "userType" -> userType;
            case "name" -> name;
            default -> e.field();
        };
        ForbiddenException renamed = new ForbiddenException(wireName, e.getMessage());
        renamed.initCause(e);
        return renamed;
    }
}
