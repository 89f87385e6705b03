package vn.layso.predict.domain;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import vn.layso.queue.domain.Estimate;

/**
 * The predictions of consecutive places of one field, worked out from one read of its office: the
 * raw model's, and as shown with one calibration. Issuing foretells a window of places per ticket
 * that a burst of issuing moves by one place a ticket, so a window kept from the previous ticket
 * needs one new place worked out, not every place again. Immutable: a wider or recalibrated copy
 * replaces it (two event loops racing only lose a copy, never a value: every place's values depend
 * on the read state, the place and the calibration alone).
 */
public final class PlaceWindow {

  /** No place yet. */
  public static final PlaceWindow NONE = new PlaceWindow(1, new Estimate[0], null, new Estimate[0]);

  /** At most this many places are kept; a window that would grow beyond starts again at the places asked. */
  static final int MAX_KEPT = 96;

  private final int first;
  private final Estimate[] raw;
  private final Calibration calibration;
  private final Estimate[] shown;

  private PlaceWindow(int first, Estimate[] raw, Calibration calibration, Estimate[] shown) {
    this.first = first;
    this.raw = raw;
    this.calibration = calibration;
    this.shown = shown;
  }

  /**
   * This window when it holds places {@code from} to {@code to} (1-based, inclusive) as shown with
   * {@code calibration}, else one that does: the raw predictions of the places it holds are kept,
   * those of the others come from {@code rawAt} (by place), and every shown one is
   * {@code calibration.apply(raw, field)}.
   */
  public PlaceWindow covering(int from, int to, Calibration calibration, String field, IntFunction<Estimate> rawAt) {
    if (from < 1 || to < from) {
      throw new IllegalArgumentException("places run from 1 up");
    }
    int last = first + raw.length - 1;
    if (calibration == this.calibration && from >= first && to <= last) {
      return this;
    }
    int start = raw.length == 0 ? from : Math.min(from, first);
    int end = raw.length == 0 ? to : Math.max(to, last);
    if (end - start + 1 > MAX_KEPT) {
      start = from;
      end = to;
    }
    Estimate[] newRaw = new Estimate[end - start + 1];
    Estimate[] newShown = new Estimate[newRaw.length];
    for (int place = start; place <= end; place++) {
      boolean held = place >= first && place <= last;
      Estimate r = held ? raw[place - first] : rawAt.apply(place);
      newRaw[place - start] = r;
      newShown[place - start] = held && calibration == this.calibration ? shown[place - first]
          : calibration.apply(r, field);
    }
    return new PlaceWindow(start, newRaw, calibration, newShown);
  }

  /** The shown predictions of places {@code from} to {@code to}, which this window holds. */
  public List<Estimate> shown(int from, int to) {
    if (from < first || to > first + shown.length - 1 || to < from) {
      throw new IllegalArgumentException("places " + from + ".." + to + " are not held");
    }
    return Arrays.asList(shown).subList(from - first, to - first + 1);
  }
}
