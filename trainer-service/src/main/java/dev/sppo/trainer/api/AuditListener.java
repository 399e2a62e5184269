package dev.sppo.trainer.api;

import dev.sppo.contracts.AuditEvent;
import dev.sppo.contracts.MessageCodec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;

/**
 * The {@code audit} function bound to {@code sppo.audit} (group {@code trainer-audit}): the other services' changes
 * into {@link AuditLog}. A record that breaks the {@link AuditEvent} contract is parked on {@code sppo.audit.dlt}
 * with the reason at once, one that fails otherwise (the database away) after a few tries; the consumer goes on.
 */
@Configuration(proxyBeanMethods = false)
public class AuditListener {

    @Bean
    public Consumer<byte[]> audit(AuditLog log) {
        return payload -> log.record(MessageCodec.decode(payload, AuditEvent.class));
    }
}
