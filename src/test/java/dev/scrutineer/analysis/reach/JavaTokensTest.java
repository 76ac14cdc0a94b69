package dev.scrutineer.analysis.reach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaTokensTest {
  @Test
  void commentsAndWhitespaceAreDropped() {
    assertThat(
            normalise(
                """
                int  count ( ) { // how many
                  /* all of them */ return items . size( ) ;
                }
                """))
        .isEqualTo("int count ( ) { return items . size ( ) ; }");
  }

  @Test
  void operatorsSplitByLongestMatchSoSpacingDoesNotMatter() {
    assertThat(normalise("x=-1;y>>>=2;a->b;c::d;e...f"))
        .isEqualTo(normalise("x = - 1 ; y >>>= 2 ; a -> b ; c :: d ; e ... f"))
        .isEqualTo("x = - 1 ; y >>>= 2 ; a -> b ; c :: d ; e ... f");
    assertThat(normalise("a - -b")).isNotEqualTo(normalise("a -- b"));
  }

  @Test
  void literalsStayWholeWhateverTheyContain() {
    assertThat(normalise("s = \"a  // not a comment /* */\" + 'x' + '\\'' + \"\\\"q\";"))
        .isEqualTo("s = \"a  // not a comment /* */\" + 'x' + '\\'' + \"\\\"q\" ;");
  }

  @Test
  void textBlocksLoseOnlyTheirIncidentalIndentation() {
    String narrow = "String s = \"\"\"\n  one\n    two\n  \"\"\";";
    String wide = "String s = \"\"\"\n          one\n            two\n          \"\"\";";
    String different = "String s = \"\"\"\n  one\n  two\n  \"\"\";";

    assertThat(normalise(narrow)).isEqualTo(normalise(wide));
    assertThat(normalise(narrow)).isNotEqualTo(normalise(different));
  }

  @Test
  void findLocatesATokenOutsideCommentsAndStrings() {
    String text = "/* Shop */ @Named(\"Shop\") class Shop {";
    assertThat(JavaTokens.find(text, 0, text.length(), "Shop")).isEqualTo(text.lastIndexOf("Shop"));
    assertThat(JavaTokens.find(text, 0, text.length(), "{")).isEqualTo(text.length() - 1);
    assertThat(JavaTokens.find(text, 0, text.length(), "Cart")).isEqualTo(-1);
  }

  @Test
  void unterminatedInputEndsQuietly() {
    assertThat(normalise("a /* open")).isEqualTo("a");
    assertThat(normalise("\"open")).isEqualTo("\"open");
    assertThat(normalise("\"\"\"\nopen")).startsWith("\"\"\"");
  }

  private static String normalise(String text) {
    return JavaTokens.normalise(text, 0, text.length());
  }
}
