package io.ticketchat.domain.archfixture;

import org.springframework.util.StringUtils;

/** Broken on purpose: a domain class reaching for Spring. */
public class DomainUsingSpring {

    public boolean blank(String value) {
        return !StringUtils.hasText(value);
    }
}
