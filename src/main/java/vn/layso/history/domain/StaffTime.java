package vn.layso.history.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * One staff account's time at the counters over a day (or, merged, a period), in seconds:
 * in session (OPEN to CLOSE), serving citizens, idle while citizens of the counter's fields waited
 * (in session, not paused, no citizen called), and paused per reason ({@code ""}: none given).
 */
public record StaffTime(long sessionSeconds, long servingSeconds, long idleWhileWaitingSeconds,
                        Map<String, Long> pausedSeconds) {

  public static final StaffTime NONE = new StaffTime(0, 0, 0, Map.of());

  public StaffTime {
    pausedSeconds = Map.copyOf(pausedSeconds);
  }

  public StaffTime plus(StaffTime o) {
    Map<String, Long> paused = new TreeMap<>(pausedSeconds);
    o.pausedSeconds.forEach((reason, s) -> paused.merge(reason, s, Long::sum));
    return new StaffTime(sessionSeconds + o.sessionSeconds, servingSeconds + o.servingSeconds,
        idleWhileWaitingSeconds + o.idleWhileWaitingSeconds, paused);
  }
}
