package vn.layso.print.domain;

/** One line ready to print: its kind, its final text (NFC; the URL for a QR line) and style. */
public record PrintLine(TicketLayout.Kind kind, String text, TicketLayout.Size size, boolean bold,
                        TicketLayout.Align align) {
}
