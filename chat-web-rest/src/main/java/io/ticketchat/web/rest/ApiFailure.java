package io.ticketchat.web.rest;

import io.ticketchat.web.rest.dto.ErrorResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** What a failure looks like on the wire: status, extra headers and the contract's error body. */
record ApiFailure(HttpStatus status, HttpHeaders headers, ErrorResponse body) {

    static ApiFailure of(HttpStatus status, String code, String message) {
        return of(status, message, ErrorResponse.code(code));
    }

    static ApiFailure of(HttpStatus status, String message, ErrorResponse.Error error) {
        return new ApiFailure(status, new HttpHeaders(), ErrorResponse.of(message, error));
    }

    ApiFailure withHeader(String name, String value) {
        HttpHeaders copy = new HttpHeaders();
        copy.addAll(headers);
        copy.set(name, value);
        return new ApiFailure(status, copy, body);
    }
}
