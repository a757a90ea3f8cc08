package dev.meshgate.report;

import dev.meshgate.analysis.CodeGuide;
import dev.meshgate.analysis.Message;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.Results;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.Variant;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** The Qute templates under {@code templates/} of the class path: the report page and the summary comment. */
public final class ReportTemplates {

    private static final String FOLDER = "templates/";
    private static final String TEXT_MARKDOWN = "text/markdown";

    // The standalone engine rather than the Quarkus extension: the command line renders without starting Quarkus.
    // Every type a template reads has an explicit resolver, so the native image needs no reflection for them.
    private static final Engine ENGINE = Engine.builder()
            .addDefaults()
            .addLocator(ReportTemplates::locate)
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
            .addValueResolver(properties(HtmlReportPage.Header.class, (header, name) -> switch (name) {
                case "title" -> header.title();
                case "verdict" -> header.verdict();
                case "description" -> header.description();
                case "finished" -> header.finished();
                case "facts" -> header.facts();
                case "notes" -> header.notes();
                default -> Results.NotFound.from(name);
            }))
            .addValueResolver(properties(HtmlReportPage.FileSection.class, (section, name) -> switch (name) {
                case "name" -> section.name();
                case "rows" -> section.rows();
                default -> Results.NotFound.from(name);
            }))
            .addValueResolver(properties(FindingRow.class, (row, name) -> switch (name) {
                case "file" -> row.file();
                case "line" -> row.finding().origin().line();
                case "severity" -> row.finding().severity().label();
                case "code" -> row.finding().code();
                case "resource" -> row.resource();
                case "application" -> row.finding().application();
                case "text" -> row.finding().text();
                case "compared" -> row.compared();
                case "fresh" -> row.fresh();
                default -> Results.NotFound.from(name);
            }))
            .addValueResolver(properties(Message.class, (message, name) -> switch (name) {
                case "code" -> message.code();
                case "title" -> message.title();
                case "description" -> message.description();
                case "level" -> message.severity().label();
                case "equivalent" -> CodeGuide.equivalent(message);
                case "fix" -> CodeGuide.of(message).map(CodeGuide.Entry::fix).orElse("");
                default -> Results.NotFound.from(name);
            }))
            .addValueResolver(ValueResolver.builder()
                    .applyToBaseClass(String.class)
                    .applyToName("cell")
                    .applyToNoParameters()
                    .resolveSync(context -> markdownCell((String) context.getBase()))
                    .build())
            .build();

    private ReportTemplates() {}

    /** The template of that file name under {@code templates/}, parsed once. */
    public static Template get(String name) {
        Template template = ENGINE.getTemplate(name);
        if (template == null) {
            throw new IllegalStateException("no template " + FOLDER + name + " on the class path");
        }
        return template;
    }

    /** Keeps a Markdown cell a cell: pipes and newlines would break the table, angle brackets would become HTML. */
    static String markdownCell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Optional<TemplateLocation> locate(String name) {
        ClassLoader loader = ReportTemplates.class.getClassLoader();
        if (loader.getResource(FOLDER + name) == null) {
            return Optional.empty();
        }
        // The escaper goes by content type: HTML for the page, none for Markdown, whose cells escape themselves.
        Variant variant = Variant.forContentType(name.endsWith(".md") ? TEXT_MARKDOWN : Variant.TEXT_HTML);
        return Optional.of(new TemplateLocation() {
            @Override
            public Reader read() {
                InputStream in = loader.getResourceAsStream(FOLDER + name);
                if (in == null) {
                    throw new UncheckedIOException(new FileNotFoundException(FOLDER + name));
                }
                return new InputStreamReader(in, StandardCharsets.UTF_8);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(variant);
            }
        });
    }

    /** A resolver of a type's properties by name, without reflection. */
    private static <T> ValueResolver properties(Class<T> type, BiFunction<T, String, Object> property) {
        return ValueResolver.builder()
                .applyToBaseClass(type)
                .applyToNoParameters()
                .resolveSync(context -> property.apply(type.cast(context.getBase()), context.getName()))
                .build();
    }
}
