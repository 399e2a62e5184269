package dev.sppo.platform;

import dev.sppo.trainer.continuous.RoundTrainer;
import dev.sppo.trainer.orchestration.JobGuard;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * A slow trainer, as test configuration of the trainer's context: each continuous round's training first waits
 * {@link #DELAY}, checking every {@link #STEP} that the job should still be worked on, so the trainer stays
 * stoppable between steps. Start the trainer with {@link #SETTING} to add it.
 */
@Configuration(proxyBeanMethods = false)
class SlowRoundTraining {

    /** The trainer setting that loads this configuration into the trainer's context. */
    static final String SETTING = "--spring.main.sources=" + SlowRoundTraining.class.getName();

    private static final Duration DELAY = Duration.ofSeconds(3);
    private static final Duration STEP = Duration.ofMillis(100);

    /** Wraps the trainer's {@link RoundTrainer} so that {@code train} waits before it trains. */
    @Bean
    static BeanPostProcessor slowRoundTrainer(ObjectProvider<JobGuard> guard) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof RoundTrainer)) {
                    return bean;
                }
                ProxyFactory slow = new ProxyFactory(bean);
                slow.setProxyTargetClass(true);
                slow.addAdvice((MethodInterceptor) call -> {
                    if (call.getMethod().getName().equals("train")) {
                        waitBeforeTraining((String) call.getArguments()[0], guard.getObject());
                    }
                    return call.proceed();
                });
                return slow.getProxy();
            }
        };
    }

    private static void waitBeforeTraining(String jobId, JobGuard guard) throws InterruptedException {
        long end = System.nanoTime() + DELAY.toNanos();
        while (System.nanoTime() < end) {
            guard.check(jobId);
            Thread.sleep(STEP.toMillis());
        }
    }
}
