package nws.watermark.benchmarks.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityReportTest {

  private static final CapacitySettings SETTINGS = CapacitySettings.parse(new String[] {
      "--port", "1", "--corpus", ".", "--out", ".", "--p99-ms", "1000"});

  private static StepResult step(int users, double p99, long errors, long shed) {
    return new StepResult(users, 20, 1000, shed, errors, 0, 10, p99, p99, p99, 1, 10);
  }

  @Test
  void the_failure_point_is_the_first_step_past_the_p99_objective() {
    CapacityReport report = new CapacityReport(SETTINGS, List.of(step(1, 200, 0, 0), step(2, 900, 0, 0),
        step(4, 1200, 0, 0), step(8, 800, 0, 0)));
    assertEquals(4, report.failure().concurrency());
    assertTrue(report.text().contains("failure point: 4 concurrent users"), report.text());
  }

  @Test
  void errors_past_one_percent_fail_a_step_and_shed_load_alone_does_not() {
    CapacityReport report = new CapacityReport(SETTINGS, List.of(step(1, 200, 0, 50), step(2, 300, 11, 0)));
    assertEquals(2, report.failure().concurrency());
    assertTrue(report.text().contains("sheds more than 1.0 % (503) from 1 users on"), report.text());
  }

  @Test
  void no_failure_point_within_the_objectives() {
    CapacityReport report = new CapacityReport(SETTINGS, List.of(step(1, 200, 0, 0), step(2, 300, 5, 0)));
    assertNull(report.failure());
    assertTrue(report.html().contains("<svg"));
    assertEquals(Path.of("."), SETTINGS.out());
  }
}
