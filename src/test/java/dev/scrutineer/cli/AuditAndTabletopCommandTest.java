package dev.scrutineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrutineer.demo.SampleChange;
import dev.scrutineer.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and refusals of audit and tabletop; their reports are golden files. */
class AuditAndTabletopCommandTest {
  @TempDir Path temp;

  @Test
  void mutateWithoutTrustedRefusesBeforeReadingAnything() {
    Cli cli = Cli.run("tabletop", "--repo", temp.resolve("nowhere").toString(), "--mutate");

    assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.err().lines())
        .containsExactly(
            "scrutineer: --mutate builds and runs the repository's code, and nothing from the"
                + " repository is executed unless --trusted is given; add --trusted if you trust"
                + " it");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void tabletopWritesTheDrillToAFileWholeAndRefusesTheWorkingTree() throws IOException {
    SampleChange sample = SampleChange.writeTo(temp.resolve("demo"));
    Path drill = temp.resolve("drill.md");

    Cli written =
        Cli.run(
            "tabletop",
            "--repo",
            sample.repository().toString(),
            "--base",
            "main",
            "--cache",
            temp.resolve("cache").toString(),
            "-o",
            drill.toString());
    Cli worktree =
        Cli.run(
            "tabletop", "--repo", sample.repository().toString(), "--base", "main", "--worktree");

    assertThat(written.exitCode()).as(written.err()).isZero();
    assertThat(written.out()).isEmpty();
    assertThat(Files.readString(drill)).startsWith("# Failure drill").contains("## Rollback");
    assertThat(worktree.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(worktree.err()).contains("tabletop drills a committed change");
  }

  @Test
  void theDrillPagesTheOwnersTheMergeBaseNamesAndHypothesisesAnInvertedCheck() throws IOException {
    TestRepo repo = TestRepo.init(temp.resolve("repo"), "main");
    String auth = "src/main/java/com/acme/auth/Access.java";
    repo.write(".github/CODEOWNERS", "* @ada\n/src/main/java/com/acme/auth/ @acme/security\n")
        .write(
            auth,
            """
            package com.acme.auth;

            class Access {
              boolean allowed(String role) {
                return role.equals("admin");
              }
            }
            """)
        .commit("Access rules");
    repo.branch("feature").checkout("feature");
    repo.write(".github/CODEOWNERS", "* @mallory\n")
        .write(
            auth,
            """
            package com.acme.auth;

            class Access {
              boolean allowed(String role) {
                return !role.equals("admin") || hasRole(role);
              }
            }
            """)
        .commit("Relax access");

    Cli cli =
        Cli.run(
            "tabletop",
            "--repo",
            repo.dir().toString(),
            "--base",
            "main",
            "--cache",
            temp.resolve("cache").toString(),
            "--format",
            "json");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    JsonNode target = new ObjectMapper().readTree(cli.out()).path("targets").get(0);
    assertThat(target.path("subject").asText()).isEqualTo("com.acme.auth.Access#allowed(String)");
    assertThat(target.path("owners").get(0).asText()).isEqualTo("@acme/security");
    assertThat(target.path("hypotheses").get(0).path("id").asText()).isEqualTo("auth-check");
  }

  @Test
  void aRepositoryMethodBehindAChangedHandlerIsCreditedWithItsEndpointAndTest() throws IOException {
    TestRepo repo = TestRepo.init(temp.resolve("repo"), "main");
    String main = "src/main/java/com/acme/";
    repo.write(main + "OrderRepository.java", orders("OrderRepository", "find", "\"a\""))
        .write(main + "OrderService.java", orders("OrderService", "find", "repository.find(q)"))
        .write(
            main + "OrderController.java",
            """
            package com.acme;

            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            class OrderController {
              private final OrderService service = new OrderService();

              @GetMapping("/orders")
              String find(String q) {
                return service.find(q);
              }
            }
            """)
        .write(
            "src/test/java/com/acme/OrderControllerTest.java",
            """
            package com.acme;

            import org.junit.jupiter.api.Test;

            class OrderControllerTest {
              @Test
              void finds() {
                new OrderController().find("x");
              }
            }
            """)
        .commit("Orders");
    repo.branch("feature").checkout("feature");
    // The handler, the service and the repository all change: every entry point's one shortest
    // chain starts at the handler, yet the repository is what breaks GET /orders.
    repo.write(main + "OrderRepository.java", orders("OrderRepository", "find", "q.trim()"))
        .write(main + "OrderService.java", orders("OrderService", "find", "repository.find(q + 1)"))
        .write(
            main + "OrderController.java",
            Files.readString(repo.dir().resolve(main + "OrderController.java"))
                .replace("service.find(q)", "service.find(q.strip())"))
        .commit("Search orders");

    Cli cli =
        Cli.run(
            "tabletop",
            "--repo",
            repo.dir().toString(),
            "--base",
            "main",
            "--cache",
            temp.resolve("cache").toString(),
            "--format",
            "json");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    JsonNode repository = null;
    for (JsonNode target : new ObjectMapper().readTree(cli.out()).path("targets")) {
      if (target.path("subject").asText().equals("com.acme.OrderRepository#find(String)")) {
        repository = target;
      }
    }
    assertThat(repository).as(cli.out()).isNotNull();
    assertThat(repository.path("breaks")).hasSize(1);
    assertThat(repository.path("breaks").get(0).path("label").asText()).isEqualTo("GET /orders");
    assertThat(repository.path("breaks").get(0).path("chain").toString())
        .isEqualTo(
            "[\"OrderRepository#find(String)\",\"OrderService#find(String)\","
                + "\"OrderController#find(String)\"]");
    assertThat(repository.path("tests").toString()).isEqualTo("[\"OrderControllerTest#finds()\"]");
  }

  @Test
  void beyondTheCapADeclarationKeepsTheShortestChainRuleAndTheDrillSaysSo() throws IOException {
    TestRepo repo = TestRepo.init(temp.resolve("repo"), "main");
    String path = "src/main/java/com/acme/Many.java";
    repo.write(path, many("1")).commit("Many");
    repo.branch("feature").checkout("feature");
    repo.write(path, many("2")).commit("Change them all");
    String[] change = {
      "--repo", repo.dir().toString(), "--base", "main", "--cache", temp.resolve("cache").toString()
    };

    Cli drill = Cli.run(concat(new String[] {"tabletop", "--format", "json"}, change));
    Cli analyze = Cli.run(concat(new String[] {"analyze", "--format", "json"}, change));

    assertThat(drill.exitCode()).as(drill.err()).isZero();
    assertThat(analyze.exitCode()).as(analyze.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(drill.out());
    assertThat(json.path("targets").get(0).path("subject").asText())
        .isEqualTo("com.acme.Many#query(String)");
    assertThat(json.path("notes").toString())
        .contains(
            "too many declarations to trace each one's reach: for com.acme.Many#query(String),");
    assertThat(new ObjectMapper().readTree(analyze.out()).path("diagnostics").toString())
        .as("analyze traces the change as a whole and never walks declarations one by one")
        .doesNotContain("reach traced separately");
  }

  /** 50 methods returning {@code value}, then one that builds SQL, so it ranks first in a drill. */
  private static String many(String value) {
    StringBuilder java = new StringBuilder("package com.acme;\n\nclass Many {\n");
    for (int i = 0; i < 50; i++) {
      java.append("  int m").append(i).append("() {\n    return ").append(value).append(";\n  }\n");
    }
    java.append("  String query(String customer) {\n")
        .append("    return \"SELECT * FROM orders WHERE customer_id = \" + customer + \"")
        .append(value)
        .append("\";\n  }\n}\n");
    return java.toString();
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  /** A class in {@code com.acme} with one method that returns {@code body}. */
  private static String orders(String type, String method, String body) {
    String field =
        type.equals("OrderService")
            ? "  private final OrderRepository repository = new OrderRepository();\n\n"
            : "";
    return "package com.acme;\n\nclass "
        + type
        + " {\n"
        + field
        + "  String "
        + method
        + "(String q) {\n    return "
        + body
        + ";\n  }\n}\n";
  }

  @Test
  void auditAnalysesEachMergedChangeEvenWhenATypeNameStartsWithADollar() {
    TestRepo repo = TestRepo.init(temp.resolve("repo"), "main");
    // commons-lang's ClassUtilsShortClassNameTest declares such a class; reach once failed on it.
    repo.write("src/test/java/p/$trange.java", "package p;\nclass $trange { void m() {} }\n")
        .commit("Initial");
    repo.write(
            "src/test/java/p/$trange.java",
            "package p;\nclass $trange { void m() { m(); } class $Inner {} }\n")
        .commit("Recurse (#2)");

    Cli cli =
        Cli.run(
            "audit",
            "--repo",
            repo.dir().toString(),
            "--cache",
            temp.resolve("cache").toString(),
            "--format",
            "csv");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out().lines()).hasSize(2).element(1).asString().startsWith("#2,");
  }

  @Test
  void auditRefusesOptionsThatSelectOneChangeAndBadDates() {
    Cli head = Cli.run("audit", "--repo", temp.toString(), "--head", "HEAD");
    Cli since = Cli.run("audit", "--repo", temp.toString(), "--since", "last tuesday");
    Cli missing = Cli.run("audit", "--prs", temp.resolve("prs.json").toString());
    Cli format = Cli.run("audit", "--format", "xml");

    assertThat(head.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(head.err()).contains("--head, --worktree and --pr-json do not apply");
    assertThat(since.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(since.err())
        .contains(
            "--since last tuesday is not a date; write it as 2026-01-31 or 2026-01-31T09:00:00Z");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("no such file; pass --prs with a pull-request export");
    assertThat(format.exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void anExportWithoutARepositoryIsStillAudited() {
    Cli cli =
        Cli.run(
            "audit",
            "--repo",
            temp.toString(),
            "--prs",
            "src/test/resources/audit/prs.json",
            "--since",
            "2026-04-01",
            "--format",
            "csv");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out().lines()).hasSize(3).element(1).asString().startsWith("#104,");
  }
}
