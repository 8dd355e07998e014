package io.ticketchat.web.rest;

import io.ticketchat.web.rest.dto.ErrorResponse.FieldProblem;

import java.util.List;

/** A request that broke the API's rules, with every offending field (400 / VALIDATION_FAILED). */
final class InvalidRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    InvalidRequestException(List<FieldProblem> problems) {
        super("invalid request: " + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    static InvalidRequestException of(String field, String reason) {
        return new InvalidRequestException(List.of(new FieldProblem(field, reason)));
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
