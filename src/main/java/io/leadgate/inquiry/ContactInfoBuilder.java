package io.leadgate.inquiry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects contact details as written and normalises them on the way in; duplicates are kept once. */
public final class ContactInfoBuilder {

    private static final int TAIL = 10;

    private final String defaultRegion;
    private final List<String> names = new ArrayList<>();
    private final Set<String> phones = new LinkedHashSet<>();
    private final Set<String> rawPhones = new LinkedHashSet<>();
    private final Set<String> writtenPhones = new LinkedHashSet<>();
    private final Set<String> emails = new LinkedHashSet<>();
    private final List<Handle> handles = new ArrayList<>();
    private String company;

    public ContactInfoBuilder(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    public ContactInfoBuilder name(String part) {
        if (part != null) {
            names.add(part);
        }
        return this;
    }

    /** A phone as written, read in the channel's default region. */
    public ContactInfoBuilder phone(String written) {
        return add(PhoneNormalizer.normalize(written, defaultRegion), written);
    }

    /** A phone the provider sends internationally without '+'. */
    public ContactInfoBuilder internationalPhone(String digits) {
        return add(PhoneNormalizer.normalizeInternational(digits), digits);
    }

    public ContactInfoBuilder email(String written) {
        EmailNormalizer.normalize(written).ifPresent(emails::add);
        return this;
    }

    public ContactInfoBuilder handle(Handle handle) {
        if (handle != null && handles.stream().noneMatch(h -> h.key().equals(handle.key()))) {
            handles.add(handle);
        }
        return this;
    }

    public ContactInfoBuilder company(String company) {
        if (this.company == null) {
            this.company = NameNormalizer.clean(company);
        }
        return this;
    }

    public ContactInfo build() {
        return new ContactInfo(NameNormalizer.combine(names), List.copyOf(phones), List.copyOf(rawPhones),
                List.copyOf(emails), handles, company, List.copyOf(writtenPhones));
    }

    private ContactInfoBuilder add(PhoneResult result, String written) {
        if (written == null || written.isBlank()) {
            return this;
        }
        if (result instanceof PhoneResult.Normalized n) {
            phones.add(n.e164());
            if (!endsAlike(written, n)) {
                writtenPhones.add(written.strip());
            }
        } else {
            rawPhones.add(written.strip());
        }
        return this;
    }

    /**
     * True unless parsing changed the written digits beyond a country code or a trunk prefix ({@code +38 906…} read as
     * {@code +389 6…}: the trunk {@code 0} of North Macedonia dropped); numbers under ten digits count as alike.
     */
    private static boolean endsAlike(String written, PhoneResult.Normalized n) {
        String digits = written.replaceAll("[^0-9]", "");
        if (n.extension() != null && digits.endsWith(n.extension())) {
            digits = digits.substring(0, digits.length() - n.extension().length());
        }
        String e164 = n.e164().substring(1);
        if (digits.length() < TAIL || e164.endsWith(digits) || digits.endsWith(e164)) {
            return true;
        }
        boolean trunk = digits.charAt(0) == '0' || digits.charAt(0) == '8';
        return trunk && e164.endsWith(digits.substring(1)) || e164.length() >= TAIL
                && digits.substring(digits.length() - TAIL).equals(e164.substring(e164.length() - TAIL));
    }
}
