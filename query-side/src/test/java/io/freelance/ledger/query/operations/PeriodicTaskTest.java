package io.freelance.ledger.query.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    @Test
    void aFailedRunDoesNotEndTheScheduleAndStopEndsIt() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch thirdRun = new CountDownLatch(3);
        PeriodicTask task = new PeriodicTask("test-task", Duration.ZERO, Duration.ofMillis(10), () -> {
            runs.incrementAndGet();
            thirdRun.countDown();
            if (runs.get() == 1) {
                throw new IllegalStateException("the first run fails");
            }
        });

        task.start();
        assertThat(task.isRunning()).isTrue();
        assertThat(thirdRun.await(5, TimeUnit.SECONDS)).as("runs after the failed one").isTrue();
        task.stop();

        assertThat(task.isRunning()).isFalse();
        int afterStop = runs.get();
        Thread.sleep(100);
        assertThat(runs.get()).as("no run after stop").isEqualTo(afterStop);
    }
}
