package io.ticketchat.web.rest;

/** No caller could be resolved from the request's principal (401 / UNAUTHENTICATED). */
final class UnauthenticatedException extends RuntimeException {

    UnauthenticatedException() {
        super("authentication required");
    }
}
