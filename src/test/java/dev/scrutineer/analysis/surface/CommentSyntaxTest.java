package dev.scrutineer.analysis.surface;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommentSyntaxTest {
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "src/A.java              | '  // note'               | true",
        "src/A.java              | '   * @param x'           | true",
        "src/A.java              | '/* block */ int x;'      | true",
        "src/A.java              | '  int x; // trailing'    | false",
        "src/A.java              | '  # not java'            | false",
        "build.gradle.kts        | '// plugins'              | true",
        "Jenkinsfile             | '// stage'                | true",
        "k8s/app.yaml            | '  # privileged: true'    | true",
        "k8s/app.yaml            | '  privileged: true'      | false",
        "app.properties          | '! legacy comment'        | true",
        "infra/main.tf           | '// note'                 | true",
        "infra/main.tf           | '# note'                  | true",
        "db/V1__a.sql            | '-- DROP TABLE x'         | true",
        "db/V1__a.sql            | 'DROP TABLE x; -- why'    | false",
        "pom.xml                 | '  <!-- <version> -->'    | true",
        "Dockerfile              | '# USER root'             | true",
        ".env.production         | '# TOKEN=x'               | true",
        "README.md               | '# Heading'               | false",
        "notes                   | '// anything'             | false",
      })
  void recognisesWholeLineCommentsByFileType(String path, String line, boolean comment) {
    assertThat(CommentSyntax.forPath(path).isCommentOnly(line)).isEqualTo(comment);
  }
}
