package io.crvs.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** {@link FormParameters}: strict {@code application/x-www-form-urlencoded} parsing. */
class FormParametersTest {

    @Example
    void parseWhenMalformedPercentEscapeThenIllegalArgumentException() {
        for (var text : List.of("%", "a=%", "a=%2", "a=%zz", "%G1=x", "a=b&c=%%", "a=%-1", "a=%2 ")) {
            assertThatThrownBy(() -> FormParameters.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Example
    void parseWhenPlusThenSpaceAndEncodedPlusThenPlus() {
        var parsed = FormParameters.parse("name=Ibombo+District+Hospital&sum=1%2B1&sp=a%20b&plus+name=x");
        assertThat(parsed.get("name")).containsExactly("Ibombo District Hospital");
        assertThat(parsed.get("sum")).containsExactly("1+1");
        assertThat(parsed.get("sp")).containsExactly("a b");
        assertThat(parsed.get("plus name")).containsExactly("x");
    }

    @Example
    void parseWhenNamesRepeatThenEveryValueKeptInOrderAndNamesInFirstSeenOrder() {
        var parsed = FormParameters.parse("b=1&a=2&b=3&c&b=&a=4");
        assertThat(List.copyOf(parsed.keySet())).containsExactly("b", "a", "c");
        assertThat(parsed.get("b")).containsExactly("1", "3", "");
        assertThat(parsed.get("a")).containsExactly("2", "4");
        assertThat(parsed.get("c")).containsExactly("");
    }

    @Example
    void parseWhenEmptyPiecesOrNoInputThenIgnored() {
        assertThat(FormParameters.parse(null)).isEmpty();
        assertThat(FormParameters.parse("")).isEmpty();
        assertThat(FormParameters.parse("&&&")).isEmpty();
        assertThat(FormParameters.parse("&a=1&&")).containsExactly(Map.entry("a", List.of("1")));
    }

    @Example
    void parseWhenValueHoldsEqualsOrUtf8EscapesThenDecodedWhole() {
        var parsed = FormParameters.parse("a=b=c&name=%C3%A9l%C3%A8ve&emoji=%F0%9F%98%80&=empty-name");
        assertThat(parsed.get("a")).containsExactly("b=c");
        assertThat(parsed.get("name")).containsExactly("élève");
        assertThat(parsed.get("emoji")).containsExactly("😀");
        assertThat(parsed.get("")).containsExactly("empty-name");
    }

    @Example
    void decodeWhenComponentThenPlusIsSpaceAndEscapesDecoded() {
        assertThat(FormParameters.decode("a+b%3Ac")).isEqualTo("a b:c");
        assertThatThrownBy(() -> FormParameters.decode("%Z0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<String> texts() {
        var scalar = Arbitraries.integers().between(0, 0x10FFFF)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
        var interesting = Arbitraries.of((int) '&', (int) '=', (int) '+', (int) '%', (int) ' ', (int) 'é', 0x1F600);
        return Arbitraries.oneOf(Arbitraries.integers().between(0x20, 0x7E), interesting, scalar).list().ofMaxSize(30)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString());
    }

    @Provide
    Arbitrary<List<Tuple2<String, String>>> pairs() {
        var names = texts().filter(s -> !s.isEmpty());
        return net.jqwik.api.Combinators.combine(Arbitraries.oneOf(names, Arbitraries.of("client_id", "grant_type")),
                texts()).as(Tuple::of).list().ofMaxSize(12);
    }

    @Property
    void parseWhenUrlEncoderEncodedPairsThenSameNamesAndValuesInOrder(@ForAll("pairs") List<Tuple2<String, String>> pairs) {
        var text = pairs.stream().map(p -> URLEncoder.encode(p.get1(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(p.get2(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        var expected = new LinkedHashMap<String, List<String>>();
        pairs.forEach(p -> expected.computeIfAbsent(p.get1(), k -> new ArrayList<>()).add(p.get2()));
        var parsed = FormParameters.parse(text);
        assertThat(parsed).isEqualTo(expected);
        assertThat(List.copyOf(parsed.keySet())).containsExactlyElementsOf(expected.keySet());
    }

    @Property
    void parseWhenAnyTextThenResultOrIllegalArgumentExceptionOnly(@ForAll("texts") String text) {
        try {
            var parsed = FormParameters.parse(text);
            assertThat(parsed.values()).allSatisfy(values -> assertThat(values).isNotEmpty());
        } catch (IllegalArgumentException expected) {
            assertThat(text).contains("%");
        }
    }
}
