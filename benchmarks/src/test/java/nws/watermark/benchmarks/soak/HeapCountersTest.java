package nws.watermark.benchmarks.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class HeapCountersTest {

  @Test
  void reads_this_jvms_heap_as_the_runtime_reports_it() {
    HeapCounters.Heap heap = HeapCounters.of(ProcessHandle.current().pid());
    assertNotNull(heap, "this JVM publishes hsperfdata counters");
    double committedMb = Runtime.getRuntime().totalMemory() / 1048576.0;
    // The counters lag the runtime by at most a resize; a survivor space apart at most.
    assertEquals(committedMb, heap.committedMb(), committedMb * 0.5);
    assertTrue(heap.usedMb() > 0 && heap.usedMb() <= heap.committedMb(), heap.toString());
  }

  @Test
  void a_file_that_is_no_hsperfdata_has_no_heap() throws Exception {
    byte[] counters = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/tmp",
        "hsperfdata_" + System.getProperty("user.name"), Long.toString(ProcessHandle.current().pid())));
    assertNotNull(HeapCounters.parse(ByteBuffer.wrap(counters.clone())), "the real file parses");
    counters[0] ^= 0x01;
    assertNull(HeapCounters.parse(ByteBuffer.wrap(counters)), "a wrong magic number is no heap, not garbage figures");
  }
}
