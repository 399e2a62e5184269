package dev.sppo.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    /** {@code printf %s alice-secret | sha256sum}. */
    private static final String ALICE_SHA256 = "0c848abb03307b06cf70cd4e29c157dc81af5e94ab3eb1d0c59a120269572376";

    @Test
    void aFlatKeyIsAUserOfItsOwnNamedByItsDigest() {
        ApiKeys keys = new ApiKeys(new ApiKeyProperties(List.of("dev-key", "other-key"), List.of()));

        // printf %s dev-key | sha256sum: 7e9f8fd111802be5...
        assertThat(keys.identify("dev-key")).contains(new ApiPrincipal("key-7e9f8fd11180", ApiRole.USER));
        assertThat(keys.identify("other-key").orElseThrow().name()).startsWith("key-").isNotEqualTo("key-7e9f8fd11180");
    }

    @Test
    void aUsersPlainAndHashedKeysBothNameTheUser() {
        ApiKeys keys = new ApiKeys(new ApiKeyProperties(List.of(), List.of(
                new ApiUser("alice", List.of("sha256:" + ALICE_SHA256, "alice-2"), ApiRole.USER),
                new ApiUser("ops", List.of("ops-key"), ApiRole.ADMIN))));

        assertThat(keys.identify("alice-secret")).contains(new ApiPrincipal("alice", ApiRole.USER));
        assertThat(keys.identify("alice-2")).contains(new ApiPrincipal("alice", ApiRole.USER));
        assertThat(keys.identify("ops-key")).contains(new ApiPrincipal("ops", ApiRole.ADMIN));
        assertThat(keys.identify("sha256:" + ALICE_SHA256)).as("the digest itself is no key").isEmpty();
        assertThat(keys.identify("alice-secre")).isEmpty();
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingTheSecond() {
        assertThatThrownBy(() -> new ApiKeys(new ApiKeyProperties(List.of("alice-secret"),
                List.of(new ApiUser("alice", List.of("sha256:" + ALICE_SHA256), ApiRole.USER)))))
                .hasMessageContaining("sppo.gateway.users[0].keys[0]").hasMessageContaining("repeats a key");
    }

    @Test
    void aNameGivenTwiceOrInTheFlatKeysFormIsRefused() {
        assertThatThrownBy(() -> new ApiKeys(new ApiKeyProperties(List.of(), List.of(
                new ApiUser("bob", List.of("b1"), ApiRole.USER), new ApiUser("bob", List.of("b2"), ApiRole.ADMIN)))))
                .hasMessageContaining("sppo.gateway.users[1].name 'bob' is taken");
        assertThatThrownBy(() -> new ApiKeys(new ApiKeyProperties(List.of(), List.of(
                new ApiUser("key-1", List.of("k"), ApiRole.USER))))).hasMessageContaining("'key-1' is taken");
    }

    @Test
    void aMalformedDigestIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new ApiKeys(new ApiKeyProperties(List.of(), List.of(
                new ApiUser("alice", List.of("a", "sha256:ABC"), ApiRole.USER)))))
                .hasMessageContaining("sppo.gateway.users[0].keys[1]").hasMessageContaining("64 lowercase hex");
    }
}
