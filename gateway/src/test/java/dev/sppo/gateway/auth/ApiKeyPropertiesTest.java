package dev.sppo.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ApiKeyPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(ApiKeyProperties.class)
    static class Config {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void commaSeparatedValueBecomesTrimmedKeyList() {
        runner.withPropertyValues("sppo.gateway.api-keys=alpha, beta").run(context ->
                assertThat(context.getBean(ApiKeyProperties.class).apiKeys()).containsExactly("alpha", "beta"));
    }

    @Test
    void noKeyAtAllIsRefusedNamingTheSetting() {
        runner.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("sppo.gateway").hasMessageContaining("apiKeys")
                .hasMessageContaining("must not be empty"));
    }

    @Test
    void emptyKeyListIsRefused() {
        runner.withPropertyValues("sppo.gateway.api-keys=").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("must not be empty"));
    }

    @Test
    void blankKeyIsRefusedNamingItsPosition() {
        runner.withPropertyValues("sppo.gateway.api-keys=alpha, ").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("apiKeys[1]").hasMessageContaining("must not be blank"));
    }
}
