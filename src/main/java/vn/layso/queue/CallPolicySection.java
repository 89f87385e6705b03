package vn.layso.queue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import vn.layso.office.SectionCodec;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.SectionKey;
import vn.layso.office.domain.SettingsProblems;
import vn.layso.queue.domain.CallPolicy;

/**
 * The office document's {@code "callPolicy"} section: the call-next rules beyond
 * {@code maxPriorityInRow} (which stays in the office's core, at the document's top level); every key
 * is optional (see CallPolicy.DEFAULTS).
 */
public final class CallPolicySection implements SectionCodec<CallPolicy> {

  public static final SectionKey<CallPolicy> KEY = new SectionKey<>("callPolicy", CallPolicy.class, CallPolicy.DEFAULTS);
  public static final CallPolicySection CODEC = new CallPolicySection();

  private static final List<String> NUMBERS =
      List.of("normalsPerPriority", "maxAppointmentsInRow", "walkInMaxWaitMinutes", "agingPerHour");

  private CallPolicySection() {
  }

  /** An office's call-next rules beyond the priority cap. */
  public static CallPolicy of(Office office) {
    return office.section(KEY);
  }

  @Override
  public SectionKey<CallPolicy> key() {
    return KEY;
  }

  @Override
  public CallPolicy read(JsonObject json) {
    CallPolicy d = CallPolicy.DEFAULTS;
    Object mode = json.getValue("priority");
    if (mode != null && !(mode instanceof String)) {
      throw new IllegalArgumentException("callPolicy.priority must be a string");
    }
    Object escalation = json.getValue("escalation");
    if (escalation != null && !(escalation instanceof Boolean)) {
      throw new IllegalArgumentException("callPolicy.escalation must be true or false");
    }
    return new CallPolicy(mode == null ? d.priority() : CallPolicy.PriorityMode.parse((String) mode),
        json.getInteger("normalsPerPriority", d.normalsPerPriority()),
        json.getInteger("maxAppointmentsInRow", d.maxAppointmentsInRow()),
        json.getInteger("walkInMaxWaitMinutes", d.walkInMaxWaitMinutes()),
        json.getInteger("agingPerHour", d.agingPerHour()),
        escalation == null ? d.escalation() : (Boolean) escalation);
  }

  @Override
  public JsonObject write(CallPolicy p) {
    return new JsonObject().put("priority", p.priority().code()).put("normalsPerPriority", p.normalsPerPriority())
        .put("maxAppointmentsInRow", p.maxAppointmentsInRow()).put("walkInMaxWaitMinutes", p.walkInMaxWaitMinutes())
        .put("agingPerHour", p.agingPerHour()).put("escalation", p.escalation());
  }

  @Override
  public void check(JsonObject p, Context context) {
    var read = context.read();
    SettingsProblems problems = context.problems();
    int before = problems.size();
    String mode = read.string(p, "priority", "callPolicy.priority", false);
    List<CallPolicy.PriorityMode> modes = List.of(CallPolicy.PriorityMode.values());
    if (mode != null && modes.stream().noneMatch(m -> m.code().equals(mode))) {
      problems.add("callPolicy.priority", "invalid_choice", mode,
          String.join(", ", modes.stream().map(CallPolicy.PriorityMode::code).toList()));
    }
    for (String key : NUMBERS) {
      read.integer(p, key, "callPolicy." + key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    read.bool(p, "escalation", "callPolicy.escalation");
    if (problems.size() == before) {
      read.rule("callPolicy", () -> read(p));
    }
  }
}
