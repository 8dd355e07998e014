package io.ticketchat.web.rest;

import io.ticketchat.domain.DomainValidationException;
import io.ticketchat.web.rest.dto.ErrorResponse.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a request's raw fields into domain values, collecting every problem under the field's wire
 * name so that one answer lists all of them rather than the first.
 */
final class RequestFields {

    private final List<FieldProblem> problems = new ArrayList<>();

    <T, R> R required(String field, T raw, Function<T, R> parse) {
        if (raw == null) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        return optional(field, raw, parse);
    }

    <T, R> R optional(String field, T raw, Function<T, R> parse) {
        if (raw == null) {
            return null;
        }
        try {
            return parse.apply(raw);
        } catch (DomainValidationException e) {
            problems.add(new FieldProblem(field, e.reason()));
            return null;
        }
    }

    /** @throws InvalidRequestException listing every problem found so far */
    void requireValid() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
