package dev.sppo.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A service starts only with a usable key, or with the check disabled in so many words. */
class ServiceKeyPropertiesTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(ServiceKeyConfiguration.class);

    @Test
    void withoutAKeyTheServiceRefusesToStartNamingTheVariableAndTheWayOut() {
        runner.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("SPPO_SERVICE_KEY").hasMessageContaining("sppo.service.auth=disabled"));
    }

    @Test
    void anEmptyAuthSettingStillRequiresTheKey() {
        runner.withPropertyValues("sppo.service.auth=", "sppo.service.key=").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("is not set"));
    }

    @Test
    void aShortKeyOrOneThatNoHeaderCarriesIsRefused() {
        runner.withPropertyValues("sppo.service.key=fifteen-chars-x").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("at least 16"));
        runner.withPropertyValues("sppo.service.key=sixteen chars, {x}").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("at least 16"));
    }

    @Test
    void aKeyIsRequiredByDefault() {
        runner.withPropertyValues("sppo.service.key=0123456789abcdef").run(context -> {
            assertThat(context).hasNotFailed();
            ServiceKeyProperties properties = context.getBean(ServiceKeyProperties.class);
            assertThat(properties.required()).isTrue();
            assertThat(properties.key()).isEqualTo("0123456789abcdef");
        });
    }

    @Test
    void disabledInSoManyWordsTheServiceStartsWithoutAKey() {
        runner.withPropertyValues("sppo.service.auth=disabled").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ServiceKeyProperties.class).required()).isFalse();
        });
    }
}
