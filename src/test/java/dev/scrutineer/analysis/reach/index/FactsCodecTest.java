package dev.scrutineer.analysis.reach.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FactsCodecTest {
  /**
   * Modifier sets and annotation attributes: the JDK's immutable sets and maps, which the facts
   * hold, iterate in an order drawn afresh by every JVM.
   */
  private static final String SOURCE =
      """
      package p;
      @Config(a = "1", b = "2", c = "3", d = "4", e = "5", f = "6")
      public abstract class Shop {
        public static final int A = 1;
        protected static final int B = 2;
        private static final transient int C = 3;
        public static synchronized final void d() {}
        protected abstract strictfp void e();
        @Route(path = "/x", method = "GET", produces = "json", consumes = "xml") void f() {}
      }
      """;

  @Test
  void theSameFactsEncodeToTheSameBytesInEveryJvm() throws Exception {
    Set<String> digests = new HashSet<>();
    for (int run = 0; run < 4; run++) {
      digests.add(digestInAnotherJvm());
    }

    assertThat(digests).hasSize(1);
    assertThat(digests).containsExactly(digest(FactsCodec.encode(facts())));
  }

  /** Prints the SHA-1 of the encoded facts of {@link #SOURCE}; run by the test in fresh JVMs. */
  public static void main(String[] args) {
    System.out.println(digest(FactsCodec.encode(facts())));
  }

  private static FileFacts facts() {
    return FactsExtractor.extract("p/Shop.java", SOURCE);
  }

  private static String digestInAnotherJvm() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    FactsCodecTest.class.getName()))
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out.strip();
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
