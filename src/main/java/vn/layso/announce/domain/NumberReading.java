package vn.layso.announce.domain;

/** Ticket numbers read in full (mười hai) or digit by digit as printed (không, một, hai). */
public enum NumberReading {
  FULL,
  DIGITS
}
