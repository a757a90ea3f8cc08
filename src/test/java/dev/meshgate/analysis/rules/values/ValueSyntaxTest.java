package dev.meshgate.analysis.rules.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The value parsers shared by rules: host names, durations, RE2 compatibility, port numbers. */
class ValueSyntaxTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "reviews|",
                "reviews.shop.svc.cluster.local|",
                "*|",
                "*.example.com|",
                "example.com.|",
                "a-b.example.com|",
                "''|empty host",
                "*foo.example.com|",
                "*-foo.example.com|",
                "example.com..|empty label",
                "10.0.0.300|cannot be all digits",
                "reviews.300.|",
                "f*o.example.com|a wildcard may only begin the first label",
                "foo.*.example.com|a wildcard may only begin the first label",
                "reviews..svc|empty label",
                "-reviews.shop|is not a DNS label",
                "reviews-.shop|is not a DNS label",
                "www_example.com|is not a DNS label",
                "exämple.com|is not a DNS label"
            })
    void hostSyntax(String host, String problem) {
        if (problem == null) {
            assertThat(HostSyntax.problem(host)).isEmpty();
        } else {
            assertThat(HostSyntax.problem(host))
                    .hasValueSatisfying(p -> assertThat(p).contains(problem));
        }
        assertThat(HostSyntax.problem("a".repeat(64) + ".com"))
                .hasValueSatisfying(p -> assertThat(p).contains("longer than 63"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "*|true",
                "*.example.com|true",
                "*foo.example.com|false",
                "foo*.example.com|false",
                "www.example.com|true"
            })
    void partialWildcards(String host, boolean allowed) {
        assertThat(HostSyntax.partialWildcardProblem(host).isEmpty()).isEqualTo(allowed);
        assertThat(HostSyntax.fqdnProblem("*.example.com")).isPresent();
        assertThat(HostSyntax.fqdnProblem("www.example.com.")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "10.0.0.1|true",
                "255.255.255.255|true",
                "256.0.0.1|false",
                "01.2.3.4|false",
                "1.2.3|false",
                "2001:db8::|true",
                "2001:db8::10|true",
                "::|true",
                "::1|true",
                "fe80::1%eth0|true",
                "::ffff:10.0.0.1|true",
                "1:2:3:4:5:6:7:8|true",
                "1:2:3:4:5:6:7:8:9|false",
                "1::2::3|false",
                ":1::|false",
                "2001:db8:|false",
                "12345::|false",
                "reviews|false",
                "a:b|false"
            })
    void ipAddresses(String text, boolean valid) {
        assertThat(IpAddress.valid(text)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1s|",
                "1.5s|",
                "300ms|",
                "1h2m3s|",
                "1ms|",
                "10|expected a number with a unit",
                "abc|expected a number with a unit",
                "-1s|cannot be negative",
                "0.5ms|at least 1ms",
                "0s|at least 1ms"
            })
    void durations(String text, String problem) {
        if (problem == null) {
            assertThat(Durations.problem(text, BigDecimal.ONE)).isEmpty();
        } else {
            assertThat(Durations.problem(text, BigDecimal.ONE))
                    .hasValueSatisfying(p -> assertThat(p).contains(problem));
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/v[0-9]+/.*|",
                "(?i)true|",
                "(?=x).*|not supported by RE2",
                "(?<!www)x|not supported by RE2",
                "(a)\\\\1|not supported by RE2",
                "a++|not supported by RE2",
                "(?>a)|not supported by RE2",
                "[unclosed|Unclosed character class"
            })
    void re2Compatibility(String regex, String problem) {
        if (problem == null) {
            assertThat(Re2Compatibility.problem(regex)).isEmpty();
        } else {
            assertThat(Re2Compatibility.problem(regex))
                    .hasValueSatisfying(p -> assertThat(p).contains(problem));
        }
    }

    @ParameterizedTest
    @CsvSource({"80,true", "1,true", "65535,true", "0,false", "65536,false", "abc,false", "-1,false", "123456,false"})
    void portNumbers(String text, boolean valid) {
        assertThat(PortNumbers.valid(text)).isEqualTo(valid);
    }
}
