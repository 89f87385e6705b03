package vn.layso.simulate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceCsvTest {

  @Test
  void aGeneratedDayRoundTripsExactly() throws IOException {
    List<TraceTicket> day = ArrivalGenerator.generate(Scenarios.province(), 42);
    StringWriter out = new StringWriter();
    TraceCsv.write(day, out);
    assertThat(out.toString()).startsWith(TraceCsv.HEADER + "\n");
    assertThat(TraceCsv.read(new StringReader(out.toString()))).isEqualTo(day);
  }

  @Test
  void theDocumentedColumnsRead() throws IOException {
    String csv = """
        issued,field,priority,slot,service_minutes,no_show
        07:52:40,dat-dai,0,08:00,14.020,0
        07:31:12,ho-tich,1,,6.412,0
        09:00:00,ho-tich,0,,3,1
        """;
    List<TraceTicket> t = TraceCsv.read(new StringReader(csv));
    assertThat(t).containsExactly(
        new TraceTicket(27_072_000, "ho-tich", true, -1, 6.412, false),
        new TraceTicket(28_360_000, "dat-dai", false, 28_800_000, 14.02, false),
        new TraceTicket(32_400_000, "ho-tich", false, -1, 3, true));
    assertThat(t.get(1).effectiveArrivalMillis()).isEqualTo(28_800_000);
  }

  @Test
  void badInputSaysWhichLine() {
    assertThatThrownBy(() -> TraceCsv.read(new StringReader("time,field\n")))
        .hasMessageContaining("first line");
    String csv = TraceCsv.HEADER + "\n07:30:00,ho-tich,0,,5,0\n25:00:00,ho-tich,0,,5,0\n";
    assertThatThrownBy(() -> TraceCsv.read(new StringReader(csv))).hasMessageContaining("line 3");
    String priorityAppointment = TraceCsv.HEADER + "\n07:30:00,ho-tich,1,08:00,5,0\n";
    assertThatThrownBy(() -> TraceCsv.read(new StringReader(priorityAppointment))).hasMessageContaining("line 2");
  }
}
