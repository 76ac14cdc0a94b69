package dev.scrutineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrutineer.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that differ only in ways that must not matter give the same findings: line endings, how
 * the work was split into commits, the order files were written in.
 */
class MetamorphicTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<String, String> BASE =
      Map.of(
          "src/main/java/shop/SecurityConfig.java",
          """
          package shop;

          class SecurityConfig {
            SecurityFilterChain api(HttpSecurity http) throws Exception {
              http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
              return http.build();
            }
          }
          """,
          "src/main/java/shop/OrderRepository.java",
          """
          package shop;

          class OrderRepository {
            Order find(long id) {
              return jdbc.queryForObject("SELECT * FROM orders WHERE id = ?", ROW, id);
            }
          }
          """);

  private static final Map<String, String> HEAD =
      Map.of(
          "src/main/java/shop/SecurityConfig.java",
          """
          package shop;

          class SecurityConfig {
            SecurityFilterChain api(HttpSecurity http) throws Exception {
              http.authorizeHttpRequests(
                  auth -> auth.requestMatchers("/orders/search").permitAll().anyRequest().authenticated());
              return http.build();
            }
          }
          """,
          "src/main/java/shop/OrderRepository.java",
          """
          package shop;

          class OrderRepository {
            Order find(long id) {
              return jdbc.queryForObject("SELECT * FROM orders WHERE id = ?", ROW, id);
            }

            List<Order> search(String customer) {
              return jdbc.query("SELECT * FROM orders WHERE customer_id = " + customer, ROW);
            }
          }
          """,
          "pom.xml",
          "<project><dependencies><dependency><artifactId>x</artifactId></dependency></dependencies></project>\n");

  @TempDir Path temp;

  @Test
  void crlfAndLfGiveTheSameFindings() throws IOException {
    JsonNode lf = findings(repo("lf", false, false));
    JsonNode crlf = findings(repo("crlf", true, false));

    assertThat(lf.size()).isGreaterThanOrEqualTo(3);
    assertThat(crlf).isEqualTo(lf);
  }

  @Test
  void splittingTheWorkIntoCommitsOrReorderingFilesChangesNoFinding() throws IOException {
    JsonNode oneCommit = findings(repo("one", false, false));
    JsonNode oneCommitPerFile = findings(repo("many", false, true));

    assertThat(oneCommitPerFile).isEqualTo(oneCommit);
  }

  private Path repo(String name, boolean crlf, boolean commitPerFileInReverseOrder) {
    TestRepo repo = TestRepo.init(temp.resolve(name));
    BASE.forEach((path, text) -> repo.write(path, endings(text, crlf)));
    repo.commit("Base");
    repo.branch("feature").checkout("feature");
    Map<String, String> sorted = new TreeMap<>(HEAD);
    if (commitPerFileInReverseOrder) {
      for (String path : ((TreeMap<String, String>) sorted).descendingKeySet()) {
        repo.write(path, endings(sorted.get(path), crlf)).commit("Change " + path);
      }
    } else {
      sorted.forEach((path, text) -> repo.write(path, endings(text, crlf)));
      repo.commit("Change");
    }
    return repo.dir();
  }

  private static String endings(String text, boolean crlf) {
    return crlf ? text.replace("\n", "\r\n") : text;
  }

  private static JsonNode findings(Path repo) throws IOException {
    Cli cli = Cli.run("analyze", "--repo", repo.toString(), "--format", "json");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    return JSON.readTree(cli.out()).get("findings");
  }
}
