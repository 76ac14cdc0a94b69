package org.springframework.boot;

/** A stub: the real one starts the context, which creates the beans reflectively. */
public final class SpringApplication {
  private SpringApplication() {}

  public static Object run(Class<?> application, String... args) {
    return application;
  }
}
