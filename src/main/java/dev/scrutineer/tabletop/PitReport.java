package dev.scrutineer.tabletop;

import dev.scrutineer.model.Drill;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads PIT's {@code mutations.xml} and keeps the mutants on the change's lines: the ones no test
 * killed ({@code SURVIVED}, or {@code NO_COVERAGE} when no test even ran the line) are evidence of
 * logic the tests do not pin down.
 */
public final class PitReport {
  private PitReport() {}

  /**
   * @param changedLines the head line numbers changed, by repository path
   */
  public static Drill.Mutation read(
      byte[] xml, Map<String, Set<Integer>> changedLines, String command) {
    NodeList mutations;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setExpandEntityReferences(false);
      mutations =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(xml))
              .getElementsByTagName("mutation");
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException(
          "PIT's mutations.xml does not parse: " + e.getMessage(), e);
    }
    int onChanged = 0;
    List<Drill.Survivor> survivors = new ArrayList<>();
    for (int i = 0; i < mutations.getLength(); i++) {
      Element mutation = (Element) mutations.item(i);
      String type = text(mutation, "mutatedClass");
      int dollar = type.indexOf('$');
      String outer = dollar < 0 ? type : type.substring(0, dollar);
      String suffix =
          outer.substring(0, outer.lastIndexOf('.') + 1).replace('.', '/')
              + text(mutation, "sourceFile");
      int line = Integer.parseInt(text(mutation, "lineNumber").strip());
      for (Map.Entry<String, Set<Integer>> file : changedLines.entrySet()) {
        if ((file.getKey().endsWith("/" + suffix) || file.getKey().equals(suffix))
            && file.getValue().contains(line)) {
          onChanged++;
          String status = mutation.getAttribute("status");
          if ("SURVIVED".equals(status) || "NO_COVERAGE".equals(status)) {
            String mutator = text(mutation, "mutator");
            survivors.add(
                new Drill.Survivor(
                    file.getKey(),
                    line,
                    mutator.substring(mutator.lastIndexOf('.') + 1),
                    text(mutation, "description")
                        + ("NO_COVERAGE".equals(status) ? " (no test ran this line)" : "")));
          }
        }
      }
    }
    return new Drill.Mutation(command, onChanged, survivors);
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
  }
}
