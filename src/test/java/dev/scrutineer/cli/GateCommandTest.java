package dev.scrutineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scrutineer gate} as a user meets it: the verdict is the exit code. */
class GateCommandTest {
  @TempDir Path temp;

  private String head;

  /**
   * An AI-assisted change (so the built-in policy asks code owners of touched paths) that also
   * tries to name a new owner for what it changes.
   */
  private TestRepo assistedChange() {
    TestRepo repo = TestRepo.init(temp.resolve("repo"));
    repo.write(".github/CODEOWNERS", "* @shop/maintainers\n/src/ @alice\n")
        .write("src/App.java", "class App {}\n")
        .commit("Start");
    repo.branch("feature").checkout("feature");
    head =
        repo.write("src/App.java", "class App { int x; }\n")
            .write(".github/CODEOWNERS", "* @shop/maintainers\n/src/ @mallory\n")
            .commit("Change\n\nAssisted-by: Claude Code:claude-opus-4-5\n");
    return repo;
  }

  private Path reviews(String... approvers) throws IOException {
    StringBuilder json = new StringBuilder("[");
    for (String login : approvers) {
      json.append(json.length() > 1 ? "," : "")
          .append("{\"user\":{\"login\":\"")
          .append(login)
          .append("\",\"type\":\"User\"},\"state\":\"APPROVED\",\"commit_id\":\"")
          .append(head)
          .append("\"}");
    }
    return Files.writeString(temp.resolve("reviews.json"), json.append("]").toString());
  }

  @Test
  void codeOwnersComeFromTheMergeBaseSoAChangeCannotPickItsReviewers() throws IOException {
    TestRepo repo = assistedChange();

    Cli missing =
        Cli.run(
            "gate", "--repo", repo.dir().toString(), "--reviews", reviews("mallory").toString());

    assertThat(missing.exitCode()).as(missing.err()).isEqualTo(ExitCode.ACTION_REQUIRED);
    assertThat(missing.out())
        .contains("Tier: medium")
        .contains("who: @alice")
        .contains(".github/CODEOWNERS:2 (/src/) decides")
        .doesNotContain("who: @mallory")
        .contains(".github/CODEOWNERS changes here; its owners are read from the merge-base")
        .contains("members of @shop/maintainers unknown: pass --teams")
        .contains("Not ready: 2 requirements are missing.");

    // Editing CODEOWNERS is itself a change its owners approve.
    Path teams = Files.writeString(temp.resolve("teams.yml"), "shop/maintainers: [bob]\n");
    Cli met =
        Cli.run(
            "gate",
            "--repo",
            repo.dir().toString(),
            "--reviews",
            reviews("alice", "bob").toString(),
            "--teams",
            teams.toString());
    assertThat(met.exitCode()).as(met.out()).isEqualTo(ExitCode.OK);
    assertThat(met.out()).contains("Ready to merge: every requirement is met.");
  }

  @Test
  void badInputIsAUsageErrorOnOneLine() throws IOException {
    TestRepo repo = assistedChange();
    Path notReviews = Files.writeString(temp.resolve("pr.json"), "{\"title\": \"x\"}");
    Path badPolicy =
        Files.writeString(temp.resolve("bad.yml"), "policy:\n  high:\n    approvals: 0\n");

    Cli reviews =
        Cli.run("gate", "--repo", repo.dir().toString(), "--reviews", notReviews.toString());
    Cli policy = Cli.run("gate", "--repo", repo.dir().toString(), "--config", badPolicy.toString());
    Cli teams =
        Cli.run("gate", "--repo", repo.dir().toString(), "--teams", temp.resolve("no").toString());

    for (Cli cli : new Cli[] {reviews, policy, teams}) {
      assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(cli.err().lines()).hasSize(1);
      assertThat(cli.out()).isEmpty();
    }
    assertThat(reviews.err()).contains("expected a JSON array of reviews");
    assertThat(policy.err())
        .contains("bad.yml:3: policy.high asks for 0 approval(s), fewer than policy.low's 1");
    assertThat(teams.err()).contains("file not found");
  }
}
