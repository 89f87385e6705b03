package vn.layso.office;

import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The settings sections the features own, in document order: what {@link OfficeJson} reads and
 * writes and {@link SettingsValidator} checks beside the office's core. Only {@code vn.layso.app},
 * which knows every feature, supplies them: as a {@link Provider} listed in
 * {@code META-INF/services}, found once on first use, so that every reader of office documents (the
 * server, the stores, pure tests) sees the same sections without the office naming a feature.
 */
public final class OfficeSections {

  /** Supplies the features' section codecs; implemented in vn.layso.app. */
  public interface Provider {
    List<SectionCodec<?>> sections();
  }

  private static final class Installed {
    static final OfficeSections SECTIONS = load();
  }

  private final List<SectionCodec<?>> codecs;

  public OfficeSections(List<SectionCodec<?>> codecs) {
    this.codecs = List.copyOf(codecs);
    var names = new HashSet<String>();
    for (SectionCodec<?> codec : this.codecs) {
      if (!names.add(codec.key().name())) {
        throw new IllegalArgumentException("two codecs for section " + codec.key().name());
      }
    }
  }

  /** The sections app registered. */
  public static OfficeSections installed() {
    return Installed.SECTIONS;
  }

  public List<SectionCodec<?>> codecs() {
    return codecs;
  }

  private static OfficeSections load() {
    List<Provider> providers = ServiceLoader.load(Provider.class, OfficeSections.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get).toList();
    if (providers.size() != 1) {
      throw new IllegalStateException("expected one " + Provider.class.getName() + " (in vn.layso.app), found "
          + providers.size());
    }
    return new OfficeSections(providers.get(0).sections());
  }
}
