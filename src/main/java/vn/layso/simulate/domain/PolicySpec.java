package vn.layso.simulate.domain;

import java.util.Locale;
import vn.layso.queue.domain.CallNextPolicy;
import vn.layso.queue.domain.CallPolicy;

/**
 * A call policy to simulate, on a staffing matrix.
 * <ul>
 *   <li>{@link Kind#DEDICATED}: every counter serves its main field only, through CallNextPolicy
 *       (priority first with the cap; FIFO within the field), whatever the matrix;</li>
 *   <li>{@link Kind#WEIGHTED}: the rule before service-level targets, CallNextPolicy with the
 *       matrix's fields as primary fields (main weight 2, others 1), no aging, no escalation;</li>
 *   <li>{@link Kind#LAYSO}: the extended policy (aging, service-level escalation, backup fields,
 *       priority ratio) with {@link Params};</li>
 *   <li>{@link Kind#FIFO_DEDICATED}, {@link Kind#FIFO_POOLED}: the bounds, plain first-come
 *       first-served per main field, or over one queue of all fields at every counter.</li>
 * </ul>
 */
public record PolicySpec(Kind kind, Staffing staffing, Params params) {

  public enum Kind { DEDICATED, WEIGHTED, LAYSO, FIFO_DEDICATED, FIFO_POOLED }

  /**
   * The office's call settings.
   *
   * @param maxPriorityInRow     strict mode's cap on priority calls in a row (0: none)
   * @param normalsPerPriority   ratio mode: one priority call after every N normal calls (0: strict)
   * @param maxAppointmentsInRow appointment calls in a row before a long-waiting walk-in goes first
   * @param walkInMaxWaitMinutes how long that walk-in must have waited
   * @param agingPerHour         weight added per hour waited (0: none)
   * @param escalation           over-target tickets first
   * @param crossAs              cross-trained fields as primary (weight 1) or backup fields
   * @param targetScale          every field's target multiplied by this
   * @param mainWeight           the main field's weight beside cross-trained primary fields (weight 1)
   */
  public record Params(int maxPriorityInRow, int normalsPerPriority, int maxAppointmentsInRow,
                       int walkInMaxWaitMinutes, int agingPerHour, boolean escalation, Staffing.CrossAs crossAs,
                       double targetScale, int mainWeight) {

    /** The rules before service-level targets (the demo office's {@code maxPriorityInRow} 3; QueueLimits). */
    public static final Params TODAY = new Params(3, 0, 2, 20, 0, false, Staffing.CrossAs.PRIMARY, 1,
        Staffing.MAIN_WEIGHT);
    /** The extended policy with the office defaults ({@link CallPolicy#DEFAULTS}). */
    public static final Params LAYSO = new Params(3,
        CallPolicy.DEFAULTS.priority() == CallPolicy.PriorityMode.RATIO ? CallPolicy.DEFAULTS.normalsPerPriority() : 0,
        CallPolicy.DEFAULTS.maxAppointmentsInRow(), CallPolicy.DEFAULTS.walkInMaxWaitMinutes(),
        CallPolicy.DEFAULTS.agingPerHour(), CallPolicy.DEFAULTS.escalation(), Staffing.CrossAs.PRIMARY, 1,
        Staffing.MAIN_WEIGHT);

    /** The server's rules for these settings (ratio 0: strict mode with the cap). */
    public CallNextPolicy.Rules rules() {
      return new CallNextPolicy.Rules(maxPriorityInRow,
          normalsPerPriority > 0 ? CallPolicy.PriorityMode.RATIO : CallPolicy.PriorityMode.STRICT,
          Math.max(1, normalsPerPriority), maxAppointmentsInRow, walkInMaxWaitMinutes * 60_000L, agingPerHour,
          escalation);
    }

    public Params with(String key, String value) {
      int cap = maxPriorityInRow;
      int ratio = normalsPerPriority;
      int aging = agingPerHour;
      boolean escalate = escalation;
      Staffing.CrossAs cross = crossAs;
      double targets = targetScale;
      int main = mainWeight;
      switch (key) {
        case "aging" -> aging = Integer.parseInt(value);
        case "ratio" -> ratio = Integer.parseInt(value);
        case "cap" -> cap = Integer.parseInt(value);
        case "escalation" -> escalate = Boolean.parseBoolean(value);
        case "cross" -> cross = Staffing.CrossAs.valueOf(value.toUpperCase(Locale.ROOT));
        case "targets" -> targets = Double.parseDouble(value);
        case "main" -> main = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown policy parameter " + key
            + " (aging, ratio, cap, escalation, cross, targets, main)");
      }
      return new Params(cap, ratio, maxAppointmentsInRow, walkInMaxWaitMinutes, aging, escalate, cross, targets, main);
    }
  }

  /**
   * {@code KIND[/staffing][:key=value,...]}, e.g. {@code DEDICATED}, {@code WEIGHTED/chain},
   * {@code LAYSO/full:aging=2,ratio=3}, {@code FIFO_POOLED}.
   */
  public static PolicySpec parse(String text) {
    String[] kindAndParams = text.trim().split(":", 2);
    String[] kindAndStaffing = kindAndParams[0].split("/", 2);
    Kind kind = Kind.valueOf(kindAndStaffing[0].trim().toUpperCase(Locale.ROOT));
    Staffing staffing = kindAndStaffing.length > 1 ? Staffing.parse(kindAndStaffing[1]) : switch (kind) {
      case DEDICATED, FIFO_DEDICATED -> Staffing.DEDICATED;
      case FIFO_POOLED -> Staffing.FULL;
      case WEIGHTED, LAYSO -> Staffing.CHAIN;
    };
    Params params = kind == Kind.LAYSO ? Params.LAYSO : Params.TODAY;
    if (kindAndParams.length > 1 && !kindAndParams[1].isBlank()) {
      for (String pair : kindAndParams[1].split(",")) {
        String[] kv = pair.split("=", 2);
        if (kv.length != 2) {
          throw new IllegalArgumentException("policy parameters look like aging=2, not " + pair);
        }
        params = params.with(kv[0].trim(), kv[1].trim());
      }
    }
    return new PolicySpec(kind, staffing, params);
  }

  public String label() {
    String base = switch (kind) {
      case DEDICATED, FIFO_DEDICATED, FIFO_POOLED -> kind.name();
      case WEIGHTED, LAYSO -> kind.name() + "/" + staffing.name().toLowerCase(Locale.ROOT);
    };
    if (kind == Kind.LAYSO && !params.equals(Params.LAYSO)) {
      Params d = Params.LAYSO;
      StringBuilder sb = new StringBuilder();
      if (params.agingPerHour() != d.agingPerHour()) {
        sb.append(",aging=").append(params.agingPerHour());
      }
      if (params.normalsPerPriority() != d.normalsPerPriority()) {
        sb.append(",ratio=").append(params.normalsPerPriority());
      }
      if (params.maxPriorityInRow() != d.maxPriorityInRow()) {
        sb.append(",cap=").append(params.maxPriorityInRow());
      }
      if (params.escalation() != d.escalation()) {
        sb.append(",escalation=").append(params.escalation());
      }
      if (params.crossAs() != d.crossAs()) {
        sb.append(",cross=").append(params.crossAs().name().toLowerCase(Locale.ROOT));
      }
      if (params.targetScale() != d.targetScale()) {
        sb.append(",targets=").append(num(params.targetScale()));
      }
      if (params.mainWeight() != d.mainWeight()) {
        sb.append(",main=").append(params.mainWeight());
      }
      base += ":" + sb.substring(1);
    }
    return base;
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
