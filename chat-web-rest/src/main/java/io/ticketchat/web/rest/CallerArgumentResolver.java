package io.ticketchat.web.rest;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.CallerResolver;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies the adapter's handler methods with the authenticated {@link Caller}. Handlers declare it
 * as their first parameter, so an anonymous request is refused (401) before its body is even read.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final CallerResolver callers;

    CallerArgumentResolver(CallerResolver callers) {
        this.callers = callers;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return callers.resolve(request == null ? null : request.getUserPrincipal())
                .orElseThrow(UnauthenticatedException::new);
    }
}
