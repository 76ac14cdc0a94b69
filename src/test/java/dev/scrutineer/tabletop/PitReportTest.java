package dev.scrutineer.tabletop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.model.Drill;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PitReportTest {
  private static final String XML =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <mutations partial="true">
      <mutation detected='false' status='SURVIVED' numberOfTestsRun='2'><sourceFile>OrderService.java</sourceFile><mutatedClass>com.example.shop.service.OrderService</mutatedClass><mutatedMethod>search</mutatedMethod><methodDescription>(I)V</methodDescription><lineNumber>31</lineNumber><mutator>org.pitest.mutationtest.engine.gregor.mutators.ConditionalsBoundaryMutator</mutator><indexes><index>5</index></indexes><blocks><block>1</block></blocks><killingTest/><description>changed conditional boundary</description></mutation>
      <mutation detected='true' status='KILLED' numberOfTestsRun='1'><sourceFile>OrderService.java</sourceFile><mutatedClass>com.example.shop.service.OrderService</mutatedClass><mutatedMethod>search</mutatedMethod><methodDescription>(I)V</methodDescription><lineNumber>32</lineNumber><mutator>org.pitest.mutationtest.engine.gregor.mutators.NegateConditionalsMutator</mutator><killingTest>com.example.shop.service.OrderServiceTest.[method:searches()]</killingTest><description>negated conditional</description></mutation>
      <mutation detected='false' status='NO_COVERAGE' numberOfTestsRun='0'><sourceFile>OrderService.java</sourceFile><mutatedClass>com.example.shop.service.OrderService$Page</mutatedClass><mutatedMethod>next</mutatedMethod><methodDescription>()I</methodDescription><lineNumber>40</lineNumber><mutator>org.pitest.mutationtest.engine.gregor.mutators.MathMutator</mutator><killingTest/><description>Replaced integer addition with subtraction</description></mutation>
      <mutation detected='false' status='SURVIVED' numberOfTestsRun='3'><sourceFile>OrderService.java</sourceFile><mutatedClass>com.example.shop.service.OrderService</mutatedClass><mutatedMethod>place</mutatedMethod><methodDescription>()V</methodDescription><lineNumber>12</lineNumber><mutator>org.pitest.mutationtest.engine.gregor.mutators.VoidMethodCallMutator</mutator><killingTest/><description>removed call</description></mutation>
      </mutations>
      """;

  @Test
  void keepsMutantsOnChangedLinesAndReportsThoseNoTestKilled() {
    String path = "src/main/java/com/example/shop/service/OrderService.java";

    Drill.Mutation mutation =
        PitReport.read(
            XML.getBytes(StandardCharsets.UTF_8), Map.of(path, Set.of(31, 32, 40)), "mvn pitest");

    assertThat(mutation.mutants()).as("line 12 is not changed").isEqualTo(3);
    assertThat(mutation.survivors())
        .containsExactly(
            new Drill.Survivor(
                path, 31, "ConditionalsBoundaryMutator", "changed conditional boundary"),
            new Drill.Survivor(
                path,
                40,
                "MathMutator",
                "Replaced integer addition with subtraction (no test ran this line)"));
  }

  @Test
  void aDoctypeIsRefusedSoNoEntityIsExpanded() {
    String evil =
        "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<mutations>&x;</mutations>";

    assertThatThrownBy(() -> PitReport.read(evil.getBytes(StandardCharsets.UTF_8), Map.of(), "mvn"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not parse");
  }

  @Test
  void theCommandNamesTheChangedClassesAndTheReachedTests() {
    assertThat(PitRunner.command(java.util.List.of("a.B", "a.C"), java.util.List.of("a.BTest")))
        .containsExactly(
            "mvn",
            "-B",
            "-q",
            "test-compile",
            "org.pitest:pitest-maven:mutationCoverage",
            "-DtargetClasses=a.B,a.C",
            "-DtargetTests=a.BTest",
            "-DoutputFormats=XML",
            "-DtimestampedReports=false");
  }
}
