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
