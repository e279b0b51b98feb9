package io.crvs.records.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountryCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ZM", "zm", "ZMB", "Zmb", "894", "004", "826", "530"})
    void isIsoWhenAlpha2Alpha3OrThreeDigitNumericThenTrue(String code) {
        assertThat(CountryCodes.isIso(code)).isTrue();
    }

    /** OpenCRVS's byIso would also take 4 and 0894 (it pads or cuts to three digits); crvs wants the ISO form. */
    @ParameterizedTest
    @ValueSource(strings = {"999", "000", "4", "0894", "XYZ", "Z", "ZMBA", "", "89a"})
    void isIsoWhenUnassignedOrNotAnIsoFormThenFalse(String code) {
        assertThat(CountryCodes.isIso(code)).isFalse();
    }
}
