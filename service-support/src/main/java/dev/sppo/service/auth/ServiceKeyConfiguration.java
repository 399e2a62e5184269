package dev.sppo.service.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * What a backend service imports ({@code @Import(ServiceKeyConfiguration.class)}) to ask every caller for the service
 * key: the {@link ServiceKeyProperties}, checked at startup, the {@link ServiceKeyFilter} in front of every other
 * filter, and {@link Caller} as a controller parameter (the user the gateway says a request acts for, believed because
 * only holders of the service key get through). With {@code sppo.service.auth=disabled} the filter lets everything
 * through, so any caller may name any user, and the service says so in its log.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceKeyProperties.class)
public class ServiceKeyConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceKeyConfiguration.class);

    @Bean
    FilterRegistrationBean<ServiceKeyFilter> serviceKeyFilter(ServiceKeyProperties properties) {
        if (!properties.required()) {
            LOG.warn("sppo.service.auth=disabled: this service answers any caller without a service key");
        }
        FilterRegistrationBean<ServiceKeyFilter> registration =
                new FilterRegistrationBean<>(new ServiceKeyFilter(properties));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
