package io.ticketchat.domain.archfixture;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/** Deliberately a configuration in the core (meta-annotated), so the rule can be seen to fail. */
@AutoConfiguration
public class ConfiguredDomain {
}
