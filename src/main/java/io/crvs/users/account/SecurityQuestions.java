package io.crvs.users.account;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** OpenCRVS's security questions (the keys its client sends) and how answers are normalised before hashing. */
public final class SecurityQuestions {
    public static final Set<String> KEYS = Set.of("BIRTH_TOWN", "HIGH_SCHOOL", "MOTHER_NAME", "FAVORITE_TEACHER",
            "FAVORITE_MOVIE", "FAVORITE_SONG", "FAVORITE_FOOD", "FIRST_CHILD_NAME");
    public static final int REQUIRED = 3;

    private SecurityQuestions() {
    }

    /** Case, surrounding and repeated spaces do not matter in an answer. */
    public static String normalise(String answer) {
        return answer.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** One answer as the user gives it. */
    public record Answer(String questionKey, String answer) {
        @Override
        public String toString() {
            return "Answer[" + questionKey + "]";
        }
    }

    /** One answer as stored. */
    public record StoredAnswer(String questionKey, String answerHash) {
    }

    /** The stored form of a set of answers. */
    public record Stored(List<StoredAnswer> answers) {
    }
}
