package dev.sppo.trainer.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;

class LogStreamTest {

    @Test
    void logsEachFinishedLineOnceWithOnlyTheLastRedrawOfAProgressBar() {
        Logger logger = (Logger) LoggerFactory.getLogger(LogStreamTest.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);

        PrintStream out = LogStream.info(logger, "job 1");
        out.print("\r[sft ] ##--  1/4\r[sft ] ####  4/4  nll 2.6");
        out.println();
        out.println("warm start: cached");
        out.println("   ");

        assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("job 1: [sft ] ####  4/4  nll 2.6", "job 1: warm start: cached");
    }
}
