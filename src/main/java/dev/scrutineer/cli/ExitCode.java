package dev.scrutineer.cli;

/** The documented exit statuses of every command. */
final class ExitCode {
  /** Analysed; nothing requires action. */
  static final int OK = 0;

  /** Analysed; the policy requires action before merge. */
  static final int ACTION_REQUIRED = 1;

  /** A usage or input error: bad arguments, unknown revision, malformed file. */
  static final int USAGE = 2;

  /** A bug in Scrutineer: please report it with the output of --verbose. */
  static final int INTERNAL = 3;

  private ExitCode() {}
}
