package vn.layso.queue;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.queue.domain.CallNextPolicy;

/** An office's call-next rules (see CallNextPolicy), from its office JSON. */
public final class QueueLimits {

  private QueueLimits() {
  }

  public static CallNextPolicy.Rules rules(Office office) {
    return CallNextPolicy.Rules.of(office.maxPriorityInRow(), CallPolicySection.of(office));
  }

  /** What a counter may serve: its main fields with their weights, and its backup fields. */
  public static CallNextPolicy.Desk desk(Counter counter) {
    return new CallNextPolicy.Desk(counter.weights(), counter.backup());
  }

  /** Each field's target wait in milliseconds. */
  public static Map<String, Long> targets(Office office) {
    Map<String, Long> targets = new LinkedHashMap<>();
    for (ServiceDef s : office.services()) {
      targets.put(s.code(), s.targetWaitMillis());
    }
    return targets;
  }
}
