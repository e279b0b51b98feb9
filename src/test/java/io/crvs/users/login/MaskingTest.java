package io.crvs.users.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@code /authenticate} shows of a person's contacts: recognisable, never whole. */
class MaskingTest {
    @ParameterizedTest
    @CsvSource({
        "kalusha@gmail.com, k******@gmail.com",
        "ab@x.io, a*@x.io",
        "a@example.com, *@example.com",
        "@example.com, ************",
        "no-at-sign, **********",
    })
    void emailWhenLocalPartOfAnyLengthThenNeverShownWhole(String email, String masked) {
        assertThat(Masking.email(email)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
        "0911111111, *******111",
        "+260911111111, **********111",
        "123456, ****56",
        "1234, ***4",
        "123, **3",
        "12, **",
        "1, *",
    })
    void mobileWhenShortThenLessThanHalfShown(String mobile, String masked) {
        assertThat(Masking.mobile(mobile)).isEqualTo(masked);
    }

    @Test
    void mobileWhenEmptyThenEmpty() {
        assertThat(Masking.mobile("")).isEmpty();
    }
}
