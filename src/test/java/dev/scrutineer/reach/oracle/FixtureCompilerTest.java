package dev.scrutineer.reach.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FixtureCompilerTest {
  @Test
  void compilesSourcesHeldInMemoryWithDebugInfoAndParameterNames() {
    FixtureCompiler.Compiled compiled =
        FixtureCompiler.compile(
            Map.of(
                "com/acme/Greeter.java",
                """
                package com.acme;

                public class Greeter {
                  static final String HELLO = "hello";

                  String greet(String name) {
                    return HELLO + " " + name;
                  }
                }
                """));
    assertThat(Files.isRegularFile(compiled.classes().resolve("com/acme/Greeter.class"))).isTrue();
    assertThat(compiled.facts().declared())
        .contains("com.acme.Greeter", "com.acme.Greeter#HELLO", "com.acme.Greeter#greet(String)");
    assertThat(compiled.facts().implicit()).containsExactly("com.acme.Greeter#Greeter()");
    assertThat(compiled.facts().inlinedReferences())
        .containsEntry("com.acme.Greeter#greet(String)", Set.of("com.acme.Greeter#HELLO"));
  }

  @Test
  void aFixtureThatDoesNotCompileFailsWithTheCompilersMessages() {
    assertThatThrownBy(
            () ->
                FixtureCompiler.compile(
                    Map.of(
                        "com/acme/Broken.java",
                        "package com.acme;\nclass Broken { int x = y; }\n")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the fixture does not compile")
        .hasMessageContaining("com/acme/Broken.java:2");
  }

  @Test
  void nothingOutsideTheFixtureIsOnTheClassPath() {
    // The test's own class path (JUnit, AssertJ...) must not leak into fixtures: they bring stubs.
    assertThatThrownBy(
            () ->
                FixtureCompiler.compile(
                    Map.of(
                        "com/acme/UsesJUnit.java",
                        "package com.acme;\nclass UsesJUnit { @org.junit.jupiter.api.Test void t() {} }\n")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("org.junit.jupiter.api");
  }
}
