package dev.sppo.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CallerTest {

    @Test
    void aRequestNamingAUserActsForThatUserWithTheRoleItNames() {
        MockHttpServletRequest user = new MockHttpServletRequest();
        user.addHeader(Caller.USER_HEADER, "alice");
        user.addHeader(Caller.ROLE_HEADER, "user");
        MockHttpServletRequest admin = new MockHttpServletRequest();
        admin.addHeader(Caller.USER_HEADER, "ops");
        admin.addHeader(Caller.ROLE_HEADER, "admin");

        assertThat(Caller.of(user)).isEqualTo(new Caller("alice", false));
        assertThat(Caller.of(admin)).isEqualTo(new Caller("ops", true));
    }

    @Test
    void aRoleOtherThanAdminOrNoneIsAUser() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(Caller.USER_HEADER, "alice");
        request.addHeader(Caller.ROLE_HEADER, "Admin ");

        assertThat(Caller.of(request).admin()).isFalse();
    }

    @Test
    void aRequestWithoutAUserIsThePlatform() {
        MockHttpServletRequest blank = new MockHttpServletRequest();
        blank.addHeader(Caller.USER_HEADER, " ");

        assertThat(Caller.of(new MockHttpServletRequest())).isSameAs(Caller.PLATFORM);
        assertThat(Caller.of(blank)).isSameAs(Caller.PLATFORM);
        assertThat(Caller.PLATFORM.admin()).isTrue();
    }

    @Test
    void aUserSeesTheirOwnOnlyAndAnAdminEverythingIncludingWhatNoUserOwns() {
        Caller alice = new Caller("alice", false);
        Caller admin = new Caller("ops", true);

        assertThat(alice.sees("alice")).isTrue();
        assertThat(alice.sees("bob")).isFalse();
        assertThat(alice.sees(null)).isFalse();
        assertThat(admin.sees("bob")).isTrue();
        assertThat(admin.sees(null)).isTrue();
        assertThat(Caller.PLATFORM.sees("bob")).isTrue();
    }

    @Test
    void aCallerWithoutANameMustBeThePlatform() {
        assertThatThrownBy(() -> new Caller(null, false)).hasMessageContaining("platform");
    }
}
