package io.ticketchat.web.rest;

/**
 * Marks the adapter's request and response types. Only these are read and written by the adapter's
 * converter; every other type stays with the host's converters.
 */
public interface ChatJsonBody {
}
