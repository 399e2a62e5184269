package dev.sppo.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

    private static final String STATUS = """
            Name:\tjava
            VmPeak:\t 5316044 kB
            VmSize:\t 5250508 kB
            VmHWM:\t  812344 kB
            VmRSS:\t  640120 kB
            Threads:\t41
            """;

    @Test
    void readsPeakAndCurrentResidentSetInKibibytes() {
        assertThat(ProcStatus.parse(STATUS, "test")).isEqualTo(new ProcStatus(812_344, 640_120));
    }

    @Test
    void aMissingFieldIsNamedWithItsSource() {
        assertThatThrownBy(() -> ProcStatus.parse("VmRSS:\t 1 kB\n", "process 42"))
                .hasMessage("process 42: no VmHWM line in the status");
    }

    @Test
    void aValueInAnotherUnitIsRefused() {
        assertThatThrownBy(() -> ProcStatus.parse("VmHWM:\t 1 MB\nVmRSS:\t 1 kB\n", "p"))
                .hasMessageContaining("VmHWM is not '<number> kB'");
    }

    @Test
    void thisJvmsOwnStatusHasAPeakAtLeastItsCurrentResidentSet() throws Exception {
        ProcStatus self = ProcStatus.of(ProcessHandle.current().pid());
        assertThat(self.peakRssKib()).isGreaterThanOrEqualTo(self.rssKib()).isPositive();
    }

    @Test
    void heapInUseSumsTheHeapPoolsOnly() {
        String text = """
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap",id="Eden Space"} 1.5E7
                jvm_memory_used_bytes{area="heap",id="Tenured Gen"} 2.5E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
                """;
        assertThat(PrometheusText.heapUsedBytes(text)).isEqualTo(40_000_000L);
        assertThat(PrometheusText.heapUsedBytes("# nothing\n")).isEqualTo(-1L);
    }
}
