package vn.layso.card;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.stream.Collectors;
import vn.layso.card.domain.CardSettings;
import vn.layso.card.domain.CardSettings.AtKiosk;
import vn.layso.office.SectionCodec;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.SectionKey;

/** The office document's {@code "citizenCard"} section: {@code {"atKiosk": "off"|"optional"|"required"}}, default off. */
public final class CitizenCardSection implements SectionCodec<CardSettings> {

  public static final SectionKey<CardSettings> KEY =
      new SectionKey<>("citizenCard", CardSettings.class, CardSettings.DEFAULTS);
  public static final CitizenCardSection CODEC = new CitizenCardSection();

  private static final String CHOICES = Arrays.stream(AtKiosk.values()).map(AtKiosk::code)
      .collect(Collectors.joining(", "));

  private CitizenCardSection() {
  }

  /** Whether an office's kiosk asks for the CCCD card. */
  public static CardSettings of(Office office) {
    return office.section(KEY);
  }

  @Override
  public SectionKey<CardSettings> key() {
    return KEY;
  }

  @Override
  public CardSettings read(JsonObject json) {
    for (String key : json.fieldNames()) {
      if (!key.equals("atKiosk")) {
        throw new IllegalArgumentException("citizenCard." + key + " is not a setting (atKiosk)");
      }
    }
    Object value = json.getValue("atKiosk");
    if (value == null) {
      return CardSettings.DEFAULTS;
    }
    AtKiosk atKiosk = value instanceof String s ? AtKiosk.of(s) : null;
    if (atKiosk == null) {
      throw new IllegalArgumentException("citizenCard.atKiosk must be one of " + CHOICES);
    }
    return new CardSettings(atKiosk);
  }

  @Override
  public JsonObject write(CardSettings value) {
    return new JsonObject().put("atKiosk", value.atKiosk().code());
  }

  @Override
  public void check(JsonObject json, Context context) {
    for (String key : json.fieldNames()) {
      if (!key.equals("atKiosk")) {
        context.problems().add("citizenCard." + key, "invalid_value", "citizenCard." + key + " is not a setting (atKiosk)");
      }
    }
    String atKiosk = context.read().string(json, "atKiosk", "citizenCard.atKiosk", false);
    if (atKiosk != null && AtKiosk.of(atKiosk) == null) {
      context.problems().add("citizenCard.atKiosk", "invalid_choice", atKiosk, CHOICES);
    }
  }
}
