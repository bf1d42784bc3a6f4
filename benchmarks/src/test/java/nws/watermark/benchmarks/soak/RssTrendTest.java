package nws.watermark.benchmarks.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class RssTrendTest {

  /** Samples every 5 s for 10 min of one process "api" (pid 1), RSS in MB by sample index. */
  private static List<IntervalSampler.Sample> samples(IntToLongFunction mb, IntToLongFunction pid) {
    List<IntervalSampler.Sample> samples = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      samples.add(new IntervalSampler.Sample(new SoakStats.Interval(5 * (i + 1), 1, 0, 0, 1, 1),
          Map.of("api", pid.applyAsLong(i)), Map.of("api", mb.applyAsLong(i) * 1024), Map.of()));
    }
    return samples;
  }

  @Test
  void warm_up_then_level_is_no_drift() {
    List<RssTrend> trends = RssTrend.of(samples(i -> i < 20 ? 300 + 10L * i : 500 + i % 3, i -> 1));
    assertEquals(1, trends.size());
    assertFalse(trends.get(0).drifts());
  }

  @Test
  void steps_then_a_plateau_are_no_drift() {
    List<RssTrend> trends = RssTrend.of(samples(i -> i < 40 ? 370 : i < 70 ? 470 : 580, i -> 1));
    assertFalse(trends.get(0).drifts(), trends.get(0).row());
  }

  @Test
  void growth_that_goes_on_in_the_last_third_is_drift() {
    List<RssTrend> trends = RssTrend.of(samples(i -> 300 + 2L * i, i -> 1));
    assertTrue(trends.get(0).drifts(), trends.get(0).row());
  }

  @Test
  void a_restarted_process_is_a_trend_of_its_own() {
    List<RssTrend> trends = RssTrend.of(samples(i -> i < 60 ? 300 + 2L * i : 100, i -> i < 60 ? 1 : 2));
    assertEquals(2, trends.size());
    assertEquals(1, trends.get(0).pid());
    assertEquals(100, trends.get(1).endMb());
  }
}
