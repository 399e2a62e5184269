package dev.sppo.trainer.judges;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * Where trainer-service reaches the preference-service's REST API ({@code sppo.trainer.preference-service.*}).
 *
 * @param url the preference-service's root ({@code PREFERENCE_URL}, as the gateway reaches it)
 * @param timeout the limit of one {@code POST /preferences}: an LLM judge asks both orders of a pair inside it,
 *     its own retries and backoff included
 */
@Validated
@ConfigurationProperties("sppo.trainer.preference-service")
public record PreferenceServiceProperties(@NotNull URI url, @NotNull @DefaultValue("5m") Duration timeout) {}
