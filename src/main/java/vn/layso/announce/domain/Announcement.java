package vn.layso.announce.domain;

import java.util.List;

/**
 * What the lobby says for one call: {@code text} as shown and logged ("Kính mời công dân có số thứ
 * tự A012 đến quầy số 3"), {@code speech} as a speech synthesiser should say it (the number spelled
 * out as the office reads it), and {@code clips}, the voice-pack clip ids to play in order, chime first.
 */
public record Announcement(String text, String speech, List<String> clips) {

  public Announcement {
    clips = List.copyOf(clips);
  }
}
