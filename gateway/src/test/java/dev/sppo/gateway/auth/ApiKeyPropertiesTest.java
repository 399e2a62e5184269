package dev.sppo.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

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
    void noKeyAtAllIsRefusedNamingTheSettings() {
        runner.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("sppo.gateway has no API key").hasMessageContaining("api-keys")
                .hasMessageContaining("users"));
    }

    @Test
    void emptyKeyListWithoutUsersIsRefused() {
        runner.withPropertyValues("sppo.gateway.api-keys=").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("has no API key"));
    }

    @Test
    void usersAloneAreEnoughAndTheirRoleDefaultsToUser() {
        runner.withPropertyValues("sppo.gateway.api-keys=", "sppo.gateway.users[0].name=alice",
                "sppo.gateway.users[0].keys=a1, a2", "sppo.gateway.users[1].name=ops",
                "sppo.gateway.users[1].keys=o1", "sppo.gateway.users[1].role=admin").run(context -> {
                    ApiKeyProperties properties = context.getBean(ApiKeyProperties.class);
                    assertThat(properties.apiKeys()).isEmpty();
                    assertThat(properties.users()).containsExactly(
                            new ApiUser("alice", List.of("a1", "a2"), ApiRole.USER),
                            new ApiUser("ops", List.of("o1"), ApiRole.ADMIN));
                });
    }

    @Test
    void usersBindFromTheEnvironmentVariablesTheReadmeNames() {
        Map<String, Object> environment = Map.of("SPPO_API_KEYS", "", "SPPO_GATEWAY_USERS_0_NAME", "alice",
                "SPPO_GATEWAY_USERS_0_KEYS", "k1,k2", "SPPO_GATEWAY_USERS_1_NAME", "prometheus",
                "SPPO_GATEWAY_USERS_1_KEYS", "scrape", "SPPO_GATEWAY_USERS_1_ROLE", "metrics");
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource("test-systemEnvironment", environment))).run(context ->
                        assertThat(context.getBean(ApiKeyProperties.class).users()).containsExactly(
                                new ApiUser("alice", List.of("k1", "k2"), ApiRole.USER),
                                new ApiUser("prometheus", List.of("scrape"), ApiRole.METRICS)));
    }

    @Test
    void userWithoutKeysOrWithABadNameIsRefusedNamingTheField() {
        runner.withPropertyValues("sppo.gateway.users[0].name=al ice").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("users[0].keys")
                        .hasMessageContaining("users[0].name"));
    }

    @Test
    void blankKeyIsRefusedNamingItsPosition() {
        runner.withPropertyValues("sppo.gateway.api-keys=alpha, ").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("apiKeys[1]").hasMessageContaining("must not be blank"));
    }
}
