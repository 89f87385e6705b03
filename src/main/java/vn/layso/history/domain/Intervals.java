package vn.layso.history.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A set of half-open time intervals [start, end) in milliseconds, kept sorted and disjoint. */
public final class Intervals {

  private final List<long[]> spans;

  private Intervals(List<long[]> normalised) {
    this.spans = normalised;
  }

  public static Intervals empty() {
    return new Intervals(List.of());
  }

  /** The union of the given spans ({start, end} pairs; empty or reversed ones are dropped). */
  public static Intervals of(List<long[]> raw) {
    List<long[]> sorted = new ArrayList<>();
    for (long[] s : raw) {
      if (s[1] > s[0]) {
        sorted.add(new long[] {s[0], s[1]});
      }
    }
    sorted.sort(Comparator.comparingLong(s -> s[0]));
    List<long[]> out = new ArrayList<>();
    for (long[] s : sorted) {
      long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && s[0] <= last[1]) {
        last[1] = Math.max(last[1], s[1]);
      } else {
        out.add(s);
      }
    }
    return new Intervals(out);
  }

  public Intervals intersect(Intervals o) {
    List<long[]> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < spans.size() && j < o.spans.size()) {
      long[] a = spans.get(i);
      long[] b = o.spans.get(j);
      long start = Math.max(a[0], b[0]);
      long end = Math.min(a[1], b[1]);
      if (end > start) {
        out.add(new long[] {start, end});
      }
      if (a[1] < b[1]) {
        i++;
      } else {
        j++;
      }
    }
    return new Intervals(out);
  }

  public Intervals minus(Intervals o) {
    List<long[]> out = new ArrayList<>();
    int j = 0;
    for (long[] a : spans) {
      long start = a[0];
      while (j < o.spans.size() && o.spans.get(j)[1] <= start) {
        j++;
      }
      int k = j;
      while (k < o.spans.size() && o.spans.get(k)[0] < a[1]) {
        long[] b = o.spans.get(k);
        if (b[0] > start) {
          out.add(new long[] {start, b[0]});
        }
        start = Math.max(start, b[1]);
        k++;
      }
      if (start < a[1]) {
        out.add(new long[] {start, a[1]});
      }
    }
    return new Intervals(out);
  }

  /** The total length in milliseconds. */
  public long length() {
    long total = 0;
    for (long[] s : spans) {
      total += s[1] - s[0];
    }
    return total;
  }
}
