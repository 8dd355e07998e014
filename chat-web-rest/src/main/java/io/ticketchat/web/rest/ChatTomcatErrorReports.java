package io.ticketchat.web.rest;

import org.apache.catalina.Host;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts a {@link ChatErrorReportValve} in place of the Host's error report valve of an embedded Tomcat.
 * Runs after Spring Boot's own customizer (which adds a plain {@link ErrorReportValve} without stack
 * traces) and keeps that valve's settings; it also names the valve's class on the Host, so that Tomcat
 * adds no second, plain one when it starts.
 */
final class ChatTomcatErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ChatFailures failures;
    private final ChatErrorWriter writer;

    ChatTomcatErrorReports(ChatFailures failures, ChatErrorWriter writer) {
        this.failures = failures;
        this.writer = writer;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers((TomcatContextCustomizer) context -> {
            if (context.getParent() instanceof Host host) {
                replaceErrorReportValve(host);
            }
        });
    }

    private void replaceErrorReportValve(Host host) {
        ChatErrorReportValve chat = new ChatErrorReportValve(failures, writer);
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ChatErrorReportValve) {
                return;
            }
            if (valve instanceof ErrorReportValve plain) {
                chat.setShowReport(plain.isShowReport());
                chat.setShowServerInfo(plain.isShowServerInfo());
                host.getPipeline().removeValve(plain);
            }
        }
        host.getPipeline().addValve(chat);
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(ChatErrorReportValve.class.getName());
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
