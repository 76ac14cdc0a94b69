package dev.scrutineer.model;

/**
 * The input cannot be analysed as given: a missing repository, an unknown revision, a malformed
 * file. The message is one line that says what is wrong and how to fix it; front ends show it
 * without a stack trace and exit with the usage status.
 */
public class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
