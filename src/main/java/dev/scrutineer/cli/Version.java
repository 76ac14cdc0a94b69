package dev.scrutineer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar. */
final class Version implements IVersionProvider {
  static final String CURRENT = load();

  @Override
  public String[] getVersion() {
    return new String[] {"scrutineer " + CURRENT};
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/dev/scrutineer/version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
