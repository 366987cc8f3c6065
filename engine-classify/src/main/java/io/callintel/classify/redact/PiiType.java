package io.callintel.classify.redact;

import java.util.Optional;

/** The kinds of personal data the redactor finds; each replaces the words that said it with its token. */
public enum PiiType {
    CARD_NUMBER,
    CVV,
    EXPIRY_DATE,
    BANK_ACCOUNT,
    SORT_CODE,
    SSN,
    NATIONAL_ID,
    PHONE_NUMBER,
    EMAIL,
    POSTCODE,
    DATE_OF_BIRTH,
    NAME,
    ADDRESS;

    /** What a redacted word reads as: {@code [CARD_NUMBER]}. */
    public String token() {
        return "[" + name() + "]";
    }

    /** The kind a transcript word stands for, when it is a redaction token. */
    public static Optional<PiiType> ofToken(String word) {
        if (word.length() > 2 && word.charAt(0) == '[' && word.charAt(word.length() - 1) == ']') {
            try {
                return Optional.of(valueOf(word.substring(1, word.length() - 1)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
