package vn.layso.queue.domain;

import java.util.List;

/**
 * The predicted waits a ticket about to be handed out would be shown at each place it may take in
 * its field's queue: {@code byPlace.get(i)} for place {@code firstPlace + i} (1-based). Made before
 * the issuing step, which alone knows the place the ticket takes: that step records the one for the
 * actual place with the ticket and answers it, so what its holder is shown is what is measured.
 */
public record PlacePredictions(int firstPlace, List<Estimate> byPlace) {

  public PlacePredictions {
    if (firstPlace < 1 || byPlace.isEmpty()) {
      throw new IllegalArgumentException("predictions start at place 1 or later and cover at least one place");
    }
    byPlace = List.copyOf(byPlace);
  }

  /** The prediction for {@code place}, or null when it is not covered. */
  public Estimate at(int place) {
    int i = place - firstPlace;
    return i >= 0 && i < byPlace.size() ? byPlace.get(i) : null;
  }

  public int lastPlace() {
    return firstPlace + byPlace.size() - 1;
  }
}
