package dev.scrutineer.analysis.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeOwnersTest {
  /** The example file of GitHub's "About code owners", in its order. */
  private static final String GITHUB_EXAMPLE =
      """
      # This is a comment.
      *       @global-owner1 @global-owner2
      *.js    @js-owner #This is an inline comment.
      *.go docs@example.com
      *.txt @octo-org/octocats
      /build/logs/ @doctocat
      docs/* docs@example.com
      apps/ @octocat
      /docs/ @doctocat
      /scripts/ @doctocat @octocat
      **/logs @octocat
      /apps/ @octocat
      /apps/github
      """;

  private static List<String> owners(String text, String path) {
    return CodeOwners.parse(text, "CODEOWNERS").ownersOf(path).stream()
        .map(CodeOwner::handle)
        .toList();
  }

  @Test
  void theLastMatchingLineDecides() {
    assertThat(owners(GITHUB_EXAMPLE, "src/main.rb"))
        .containsExactly("@global-owner1", "@global-owner2");
    assertThat(owners(GITHUB_EXAMPLE, "web/app.js")).containsExactly("@js-owner");
    assertThat(owners(GITHUB_EXAMPLE, "cmd/main.go")).containsExactly("docs@example.com");
    assertThat(owners(GITHUB_EXAMPLE, "notes/a.txt")).containsExactly("@octo-org/octocats");
    assertThat(owners(GITHUB_EXAMPLE, "build/logs/today.log")).containsExactly("@octocat");
    assertThat(owners(GITHUB_EXAMPLE, "scripts/deploy.sh"))
        .containsExactly("@doctocat", "@octocat");
  }

  @Test
  void aDirectoryPatternOwnsItsTreeButStarOwnsOnlyDirectFiles() {
    String text = "* @all\ndocs/* @docs\nlib/ @lib\n/config/ @config\n";
    assertThat(owners(text, "docs/getting-started.md")).containsExactly("@docs");
    assertThat(owners(text, "docs/build-app/troubleshooting.md")).containsExactly("@all");
    assertThat(owners(text, "a/b/lib/x.c")).containsExactly("@lib");
    assertThat(owners(text, "config/app.yml")).containsExactly("@config");
    assertThat(owners(text, "sub/config/app.yml")).containsExactly("@all");
  }

  @Test
  void aLineWithoutOwnersTakesPathsBack() {
    CodeOwners owners = CodeOwners.parse(GITHUB_EXAMPLE, "CODEOWNERS");
    assertThat(owners.ownersOf("apps/github/x.rb")).isEmpty();
    assertThat(owners.ruleFor("apps/github/x.rb")).map(OwnersRule::line).contains(13);
    assertThat(owners.ownersOf("apps/api/x.rb"))
        .extracting(CodeOwner::handle)
        .containsExactly("@octocat");
    assertThat(owners.ownersOf("nothing-matches")).isNotEmpty();
    assertThat(CodeOwners.parse("/src/ @a\n", "CODEOWNERS").ruleFor("README")).isEmpty();
  }

  @Test
  void linesGitHubRejectsAreSkippedWithTheirLineNumber() {
    String text =
        """
        * @everyone
        Python/ceval*.[ch] @markshannon
        !vendor/ @nobody
        \\#notes @someone
        src/ not-an-owner
        src/ @Team-Lead
        """;
    CodeOwners owners = CodeOwners.parse(text, ".github/CODEOWNERS");
    assertThat(owners.diagnostics())
        .extracting(d -> d.path().orElseThrow())
        .containsExactly(
            ".github/CODEOWNERS:2",
            ".github/CODEOWNERS:3",
            ".github/CODEOWNERS:4",
            ".github/CODEOWNERS:5");
    assertThat(owners.diagnostics())
        .extracting(Diagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("character ranges"))
        .anySatisfy(m -> assertThat(m).contains("negation"))
        .anySatisfy(m -> assertThat(m).contains("'not-an-owner' is not an owner"));
    assertThat(owners.ownersOf("Python/ceval.c"))
        .extracting(CodeOwner::handle)
        .containsExactly("@everyone");
    assertThat(owners.ownersOf("src/A.java"))
        .extracting(CodeOwner::handle)
        .as("logins compare case-insensitively")
        .containsExactly("@team-lead");
  }

  @Test
  void escapedBlanksAndDoubleStars() {
    String text = "path\\ with\\ spaces/ @space\n/docs/**/*.md @md\n";
    assertThat(owners(text, "path with spaces/a.txt")).containsExactly("@space");
    assertThat(owners(text, "docs/a/b/c.md")).containsExactly("@md");
    assertThat(owners(text, "docs/c.md")).containsExactly("@md");
    assertThat(owners(text, "src/docs/c.md")).isEmpty();
  }

  @Test
  void theFileIsLookedForWhereGitHubLooks() {
    SourceTree tree = tree(Map.of("CODEOWNERS", "* @root\n", "docs/CODEOWNERS", "* @docs\n"));
    assertThat(CodeOwners.of(tree).file()).contains("CODEOWNERS");
    assertThat(CodeOwners.of(tree).ownersOf("a"))
        .extracting(CodeOwner::handle)
        .containsExactly("@root");
    SourceTree github = tree(Map.of(".github/CODEOWNERS", "* @gh\n", "CODEOWNERS", "* @root\n"));
    assertThat(CodeOwners.of(github).ownersOf("a"))
        .extracting(CodeOwner::handle)
        .containsExactly("@gh");
    assertThat(CodeOwners.of(tree(Map.of("docs/CODEOWNERS", "* @docs\n"))).file())
        .contains("docs/CODEOWNERS");
    assertThat(CodeOwners.of(SourceTree.EMPTY).file()).isEmpty();
    assertThat(CodeOwners.of(SourceTree.EMPTY).ownersOf("a")).isEmpty();
  }

  @Test
  void ownersAreUsersTeamsOrEmails() {
    assertThat(CodeOwner.parse("@octocat").map(CodeOwner::kind)).contains(CodeOwner.Kind.USER);
    assertThat(CodeOwner.parse("@octo-org/octocats").map(CodeOwner::kind))
        .contains(CodeOwner.Kind.TEAM);
    assertThat(CodeOwner.parse("docs@example.com").map(CodeOwner::kind))
        .contains(CodeOwner.Kind.EMAIL);
    assertThat(CodeOwner.parse("octocat")).isEmpty();
    assertThat(CodeOwner.parse("@")).isEmpty();
    assertThat(CodeOwner.parse("@octocat").flatMap(CodeOwner::login)).contains("octocat");
  }

  private static SourceTree tree(Map<String, String> files) {
    return SourceTree.of(
        files.entrySet().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    Map.Entry::getKey, e -> e.getValue().getBytes(StandardCharsets.UTF_8))));
  }
}
