package io.ticketchat.web.socket.archfixture;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/** Deliberately declares a bean outside any configuration, so the rule can be seen to fail. */
@Component
public class SocketComponentWithBean {

    @Bean
    String socketGreeting() {
        return "hello";
    }
}
