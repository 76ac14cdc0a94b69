package dev.scrutineer.analysis.reach;

/**
 * A small lexer for Java source that knows just enough to skip whitespace and comments and to keep
 * literals whole. It never recurses, so no nesting depth can overflow it, and it runs in one pass.
 *
 * <p>{@link #normalise} turns a range of source into its tokens separated by single spaces: two
 * texts that differ only in comments, whitespace or line breaks normalise to the same string.
 * Operators are split by longest match, as javac does, so {@code x=-1} and {@code x = - 1} agree.
 * (A closing {@code >>} of nested type arguments stays one token, so {@code > >} differs from it: a
 * rare formatting that then counts as a change, which errs on the side of scrutiny.)
 */
final class JavaTokens {
  /** Multi-character operators, longest first within each first character. */
  private static final String[] OPERATORS = {
    ">>>=", "<<=", ">>=", ">>>", "...", "->", "::", "++", "--", "&&", "||", "==", "!=", "<=", ">=",
    "+=", "-=", "*=", "/=", "&=", "|=", "^=", "%=", "<<", ">>"
  };

  private final CharSequence text;
  private final int limit;
  private int pos;

  /** The current token, after {@link #next()} returned true: {@code [start, end)}. */
  int start;

  int end;

  JavaTokens(CharSequence text, int from, int to) {
    this.text = text;
    this.pos = Math.max(0, from);
    this.limit = Math.min(text.length(), to);
  }

  /** The tokens of {@code text[from, to)}, separated by single spaces. */
  static String normalise(CharSequence text, int from, int to) {
    StringBuilder out = new StringBuilder();
    JavaTokens tokens = new JavaTokens(text, from, to);
    while (tokens.next()) {
      if (out.length() > 0) {
        out.append(' ');
      }
      tokens.appendTo(out);
    }
    return out.toString();
  }

  /** Where the first token equal to {@code token} starts in {@code text[from, to)}, or -1. */
  static int find(CharSequence text, int from, int to, String token) {
    JavaTokens tokens = new JavaTokens(text, from, to);
    while (tokens.next()) {
      if (tokens.end - tokens.start == token.length() && tokens.startsWith(tokens.start, token)) {
        return tokens.start;
      }
    }
    return -1;
  }

  /** Moves to the next token; false at the end of the range. */
  boolean next() {
    skipSpaceAndComments();
    if (pos >= limit) {
      return false;
    }
    start = pos;
    char c = text.charAt(pos);
    if (Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c)) {
      // Identifiers, keywords and numbers; a number's '.' and exponent sign become tokens of their
      // own, the same way in every spelling.
      while (pos < limit
          && Character.isJavaIdentifierPart(text.charAt(pos))
          && !Character.isIdentifierIgnorable(text.charAt(pos))) {
        pos++;
      }
    } else if (c == '"') {
      if (startsWith("\"\"\"")) {
        pos += 3;
        skipQuoted("\"\"\"");
      } else {
        pos++;
        skipQuoted("\"");
      }
    } else if (c == '\'') {
      pos++;
      skipQuoted("'");
    } else {
      pos += operatorLength();
    }
    end = pos;
    return true;
  }

  /**
   * Appends the current token. A text block is appended with its incidental indentation removed, as
   * the compiler does, so re-indenting one does not count as a change.
   */
  private void appendTo(StringBuilder out) {
    if (end - start >= 6 && startsWith(start, "\"\"\"")) {
      String block = text.subSequence(start + 3, end).toString();
      int firstLineEnd = block.indexOf('\n');
      String content = firstLineEnd < 0 ? block : block.substring(firstLineEnd + 1);
      out.append("\"\"\"\n").append(content.replace("\r", "").stripIndent());
    } else {
      out.append(text, start, end);
    }
  }

  private void skipSpaceAndComments() {
    while (pos < limit) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c) || c == '\u001a') {
        pos++;
      } else if (c == '/' && pos + 1 < limit && text.charAt(pos + 1) == '/') {
        while (pos < limit && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
          pos++;
        }
      } else if (c == '/' && pos + 1 < limit && text.charAt(pos + 1) == '*') {
        pos += 2;
        while (pos < limit
            && !(text.charAt(pos) == '*' && pos + 1 < limit && text.charAt(pos + 1) == '/')) {
          pos++;
        }
        pos = Math.min(limit, pos + 2);
      } else {
        return;
      }
    }
  }

  /** Moves past the closing quote, honouring backslash escapes; stops at the range's end. */
  private void skipQuoted(String quote) {
    while (pos < limit) {
      char c = text.charAt(pos);
      if (c == '\\') {
        pos += 2;
      } else if (startsWith(quote)) {
        pos += quote.length();
        return;
      } else if (quote.length() == 1 && (c == '\n' || c == '\r')) {
        return; // an unterminated literal ends at the line's end, as javac reports it
      } else {
        pos++;
      }
    }
    pos = limit;
  }

  private int operatorLength() {
    for (String operator : OPERATORS) {
      if (startsWith(operator)) {
        return operator.length();
      }
    }
    return 1;
  }

  private boolean startsWith(String s) {
    return startsWith(pos, s);
  }

  private boolean startsWith(int at, String s) {
    if (at + s.length() > limit) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (text.charAt(at + i) != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
