package io.leadgate.inquiry;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Phones to E.164 with Google libphonenumber. National numbers take the channel's default region (so a Russian
 * {@code 8 (916) …} becomes {@code +7916…} and a German {@code 030 …} becomes {@code +4930…}); an international
 * prefix {@code 00} counts as {@code +}; extensions ({@code доб. 12}, {@code ext 12}, {@code #12}) are split off.
 * A number is accepted when libphonenumber finds it valid or of a possible length for its country; anything else
 * stays raw.
 */
public final class PhoneNormalizer {

    /** The region national numbers are read in when a channel names none (ISO 3166 alpha-2). */
    public static final String DEFAULT_REGION = "RU";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern INTERNATIONAL_00 = Pattern.compile("^\\s*00(?=\\s*[1-9])");

    private PhoneNormalizer() {
    }

    /** True when {@code region} is an ISO 3166 alpha-2 code libphonenumber knows. */
    public static boolean isKnownRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
    }

    /** Normalises a number as a person wrote it, reading national numbers in {@code defaultRegion}. */
    public static PhoneResult normalize(String written, String defaultRegion) {
        if (written == null || written.isBlank()) {
            return new PhoneResult.Raw(written == null ? "" : written, PhoneResult.Reason.NOT_A_NUMBER);
        }
        String raw = written.strip();
        String cleaned = raw.regionMatches(true, 0, "tel:", 0, 4) ? raw.substring(4) : raw;
        cleaned = INTERNATIONAL_00.matcher(cleaned).replaceFirst("+");
        try {
            PhoneNumber number = UTIL.parse(cleaned, defaultRegion == null ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT));
            ValidationResult possible = UTIL.isPossibleNumberWithReason(number);
            if (UTIL.isValidNumber(number) || possible == ValidationResult.IS_POSSIBLE) {
                String extension = number.hasExtension() ? number.getExtension() : null;
                return new PhoneResult.Normalized(UTIL.format(number, PhoneNumberFormat.E164), extension);
            }
            return new PhoneResult.Raw(raw, switch (possible) {
                case TOO_SHORT, IS_POSSIBLE_LOCAL_ONLY -> PhoneResult.Reason.TOO_SHORT;
                case TOO_LONG -> PhoneResult.Reason.TOO_LONG;
                case INVALID_COUNTRY_CODE -> PhoneResult.Reason.INVALID_COUNTRY_CODE;
                default -> PhoneResult.Reason.NOT_POSSIBLE;
            });
        } catch (NumberParseException e) {
            return new PhoneResult.Raw(raw, switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> PhoneResult.Reason.INVALID_COUNTRY_CODE;
                case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> PhoneResult.Reason.TOO_SHORT;
                case TOO_LONG -> PhoneResult.Reason.TOO_LONG;
                default -> PhoneResult.Reason.NOT_A_NUMBER;
            });
        }
    }

    /**
     * Normalises a number a provider sends in international format without the {@code +} (WhatsApp {@code wa_id},
     * sipgate, Mango Office): the leading digits are the country code, whatever the channel's region.
     */
    public static PhoneResult normalizeInternational(String digits) {
        if (digits == null || digits.isBlank()) {
            return normalize(digits, null);
        }
        String d = digits.strip();
        return normalize(d.startsWith("+") ? d : "+" + d, null);
    }
}
