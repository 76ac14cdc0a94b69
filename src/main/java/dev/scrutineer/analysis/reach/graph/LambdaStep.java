package dev.scrutineer.analysis.reach.graph;

/**
 * A chain step to a parameter of a lambda passed to a method: {@code filter/1~0.0} is parameter 0
 * of the lambda that is argument 0 of {@code filter(..)} with one argument.
 */
record LambdaStep(String name, int arity, int argument, int parameter) {
  /** The step {@code step} spells; null when it spells none. */
  static LambdaStep parse(String step) {
    int slash = step.indexOf('/');
    int tilde = step.indexOf('~');
    int dot = step.indexOf('.', tilde);
    if (slash < 0 || tilde < slash || dot < tilde) {
      return null;
    }
    try {
      return new LambdaStep(
          step.substring(0, slash),
          Integer.parseInt(step, slash + 1, tilde, 10),
          Integer.parseInt(step, tilde + 1, dot, 10),
          Integer.parseInt(step, dot + 1, step.length(), 10));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
