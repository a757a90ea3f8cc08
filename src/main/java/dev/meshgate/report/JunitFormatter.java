package dev.meshgate.report;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.policy.FailOn;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI test views: one test case per analysed resource (and one per file with file-level findings); a case
 * fails when it has a finding at or above the fail level, and lesser findings are listed in its system-out.
 */
public final class JunitFormatter implements Formatter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<String, Case> cases = new LinkedHashMap<>();
        for (Report.Analysed analysed : report.resources()) {
            cases.putIfAbsent(
                    analysed.resource().toString(),
                    new Case(analysed.origin().file(), analysed.resource().toString()));
        }
        for (Finding finding : report.findings()) {
            String name = finding.resource() == null
                    ? finding.origin().file()
                    : finding.resource().toString();
            cases.computeIfAbsent(name, n -> new Case(finding.origin().file(), n))
                    .findings
                    .add(finding);
        }
        FailOn failOn = FailOn.valueOf(report.summary().failOn().toUpperCase(java.util.Locale.ROOT));
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(new NonClosingWriter(out));
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            long failures = cases.values().stream()
                    .filter(c -> c.failing(failOn).size() > 0)
                    .count();
            xml.writeStartElement("testsuites");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "meshgate");
            xml.writeAttribute("tests", String.valueOf(cases.size()));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", "0");
            for (Case c : cases.values()) {
                writeCase(xml, c, c.failing(failOn));
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            out.write("\n");
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void writeCase(XMLStreamWriter xml, Case c, List<Finding> failing) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", c.file);
        xml.writeAttribute("name", c.name);
        for (Finding finding : failing) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", finding.code());
            xml.writeAttribute("message", finding.text());
            xml.writeCharacters(line(finding));
            xml.writeEndElement();
        }
        List<Finding> others = new ArrayList<>(c.findings);
        others.removeAll(failing);
        if (!others.isEmpty()) {
            xml.writeStartElement("system-out");
            for (Finding finding : others) {
                xml.writeCharacters(line(finding) + "\n");
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static String line(Finding finding) {
        return finding.origin() + ": " + finding.severity().label() + " " + finding.code() + " " + finding.text();
    }

    /** The findings of one test case. */
    private static final class Case {
        final String file;
        final String name;
        final List<Finding> findings = new ArrayList<>();

        Case(String file, String name) {
            this.file = file;
            this.name = name;
        }

        List<Finding> failing(FailOn failOn) {
            return findings.stream().filter(failOn::fails).toList();
        }
    }
}
