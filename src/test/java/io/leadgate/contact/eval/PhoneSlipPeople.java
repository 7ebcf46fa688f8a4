package io.leadgate.contact.eval;

import io.leadgate.contact.BlockingKeys;
import io.leadgate.contact.PhoneDrift;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Returning clients who mistype their phone, and namesakes whose phones are one digit apart, with ground truth, from
 * a fixed seed. Every person first writes through the Russian web form (full Cyrillic name, mobile, email). Then some
 * come back with a new email and the phone typed with one slip (two adjacent digits swapped, a digit missing, a
 * digit doubled) or typed under a country code that overlaps it ({@code +38 906…}); the name as they write it
 * (Cyrillic, Latin, swapped, the given name alone, or none) and the number in any national or international format.
 * Hard negatives: new people with the name of a known one (Cyrillic or Latin) and that person's phone with one digit
 * replaced, and a new email.
 *
 * <p>Beside them, from a second random stream (so the touches above are the same with or without them), what a
 * name alone has to tell apart: returning clients who write with their full name and a new email only (no phone),
 * and namesakes with an unrelated phone or with no phone at all.
 *
 * <p>Full names are unique apart from the planted namesakes, and no two people's phones are one slip apart by
 * chance: a wrong candidate can only come from the negatives the evaluation plants.
 */
public final class PhoneSlipPeople {

    /**
     * What a touch is: a person's first inquiry, a return with a slip, a return with the name and a new email only,
     * or a namesake (a negative): with the person's phone one digit replaced (the hard one), an unrelated phone, or
     * no phone.
     */
    public enum Drift {
        FIRST, TRANSPOSITION, DIGIT_MISSING, DIGIT_DOUBLED, COUNTRY_CODE_OVERLAP, NAME_ONLY,
        NAMESAKE, NAMESAKE_OTHER_PHONE, NAMESAKE_NO_PHONE;

        public boolean namesake() {
            return this == NAMESAKE || this == NAMESAKE_OTHER_PHONE || this == NAMESAKE_NO_PHONE;
        }
    }

    /**
     * One inquiry through the Russian web form.
     *
     * @param namesakeOf for a namesake, the person whose name it has; else -1
     * @param phone      null for a touch without a phone
     */
    public record Touch(int person, Drift drift, int namesakeOf, String name, String phone, String email) {
    }

    /** Shares of people with a phone-less return, a namesake with an unrelated phone, one with no phone. */
    private static final double NAME_ONLY_RETURNS = 0.05;
    private static final double OTHER_PHONE_NAMESAKES = 0.05;
    private static final double NO_PHONE_NAMESAKES = 0.05;

    private record Person(int id, String givenCyr, String givenLatin, String surname, String digits) {
    }

    private static final List<String> MALE = List.of("Александр", "Алексей", "Андрей", "Дмитрий", "Сергей", "Михаил",
            "Иван", "Николай", "Владимир", "Максим", "Павел", "Роман", "Олег", "Игорь", "Антон", "Константин",
            "Виктор", "Денис", "Артём", "Григорий", "Борис", "Фёдор", "Тимур", "Егор", "Кирилл");
    private static final List<String> FEMALE = List.of("Анна", "Мария", "Елена", "Ольга", "Татьяна", "Ирина",
            "Светлана", "Марина", "Галина", "Полина", "Вероника", "Алина", "Софья", "Вера", "Нина", "Жанна", "Лилия",
            "Кристина", "Диана", "Маргарита");
    private static final List<String> SURNAMES = List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев",
            "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев",
            "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
            "Захаров", "Зайцев", "Борисов", "Яковлев", "Григорьев", "Романов", "Сергеев", "Кузьмин", "Фролов",
            "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин",
            "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов",
            "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов");
    /** Mobile codes; the 90x ones can be written under {@code +38} so that +389 swallows their 0. */
    private static final List<String> CODES = List.of("900", "902", "903", "904", "905", "906", "908", "909", "910",
            "912", "915", "916", "917", "920", "925", "926", "950", "960", "964", "977", "985", "999");

    private final Random rnd;
    private final Random extra;
    private final Set<String> nearKeys = new HashSet<>();
    private final Set<String> names = new HashSet<>();
    private final Set<String> emails = new HashSet<>();

    private PhoneSlipPeople(long seed) {
        this.rnd = new Random(seed);
        this.extra = new Random(~seed);
    }

    /**
     * @param people   people who write first
     * @param returns  share of them who come back with a slip
     * @param namesake share of them who get a namesake with a phone one digit apart
     */
    public static List<Touch> generate(long seed, int people, double returns, double namesake) {
        return new PhoneSlipPeople(seed).touches(people, returns, namesake);
    }

    private List<Touch> touches(int count, double returns, double namesakes) {
        List<Person> people = new ArrayList<>();
        List<Touch> first = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            Person p = person(id);
            people.add(p);
            first.add(new Touch(id, Drift.FIRST, -1, full(p), written(p.digits()), email()));
        }
        List<Touch> later = new ArrayList<>();
        int next = count;
        for (Person p : people) {
            if (rnd.nextDouble() < returns) {
                later.add(slip(p));
            }
            if (rnd.nextDouble() < namesakes) {
                String digits = replaceOne(p.digits());
                if (digits != null) {
                    claim(digits);
                    String name = rnd.nextBoolean() ? full(p) : p.givenLatin() + " " + SyntheticPeople.translit(
                            p.surname(), rnd.nextBoolean());
                    later.add(new Touch(next++, Drift.NAMESAKE, p.id(), name, written(digits), email()));
                }
            }
        }
        Collections.shuffle(later, rnd);
        for (Person p : people) {
            if (extra.nextDouble() < NAME_ONLY_RETURNS) {
                later.add(extra.nextInt(later.size() + 1), new Touch(p.id(), Drift.NAME_ONLY, -1, fullName(p, extra),
                        null, email(extra)));
            }
            if (extra.nextDouble() < OTHER_PHONE_NAMESAKES) {
                later.add(extra.nextInt(later.size() + 1), new Touch(next++, Drift.NAMESAKE_OTHER_PHONE, p.id(),
                        fullName(p, extra), written(freshDigits(extra), extra), email(extra)));
            }
            if (extra.nextDouble() < NO_PHONE_NAMESAKES) {
                later.add(extra.nextInt(later.size() + 1), new Touch(next++, Drift.NAMESAKE_NO_PHONE, p.id(),
                        fullName(p, extra), null, email(extra)));
            }
        }
        first.addAll(later);
        return first;
    }

    /** The full name as a person writes it: Cyrillic, Latin, or surname first. */
    private static String fullName(Person p, Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> full(p);
            case 1 -> p.givenLatin() + " " + SyntheticPeople.translit(p.surname(), r.nextBoolean());
            default -> p.surname() + " " + p.givenCyr();
        };
    }

    /** A mobile number nobody has and no slip away from anybody's. */
    private String freshDigits(Random r) {
        while (true) {
            String digits = CODES.get(r.nextInt(CODES.size())) + String.format("%07d", r.nextInt(10_000_000));
            if (free(digits)) {
                claim(digits);
                return digits;
            }
        }
    }

    private Person person(int id) {
        while (true) {
            boolean female = rnd.nextBoolean();
            String given = (female ? FEMALE : MALE).get(rnd.nextInt(female ? FEMALE.size() : MALE.size()));
            String surname = SURNAMES.get(rnd.nextInt(SURNAMES.size())) + (female ? "а" : "");
            String digits = CODES.get(rnd.nextInt(CODES.size())) + String.format("%07d", rnd.nextInt(10_000_000));
            if (names.contains(given + " " + surname) || !free(digits)) {
                continue;
            }
            names.add(given + " " + surname);
            claim(digits);
            return new Person(id, given, SyntheticPeople.translit(given, rnd.nextBoolean()), surname, digits);
        }
    }

    /** A return: a new email, the phone with one slip, the name as the person writes it this time. */
    private Touch slip(Person p) {
        String d = p.digits();
        double r = rnd.nextDouble();
        Drift drift = r < 0.4 ? Drift.TRANSPOSITION : r < 0.6 ? Drift.DIGIT_MISSING : r < 0.8 ? Drift.DIGIT_DOUBLED
                : Drift.COUNTRY_CODE_OVERLAP;
        String phone = switch (drift) {
            case TRANSPOSITION -> written(swap(d));
            case DIGIT_MISSING -> missing(d);
            case DIGIT_DOUBLED -> written(doubleOne(d));
            default -> "+38 " + d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6, 8) + " "
                    + d.substring(8);
        };
        if (drift == Drift.COUNTRY_CODE_OVERLAP && d.charAt(1) != '0') {
            drift = Drift.TRANSPOSITION; // +38 916… parses to +389 16…: the same ten digits, no drift to test
            phone = written(swap(d));
        }
        return new Touch(p.id(), drift, -1, returningName(p), phone, email());
    }

    private String returningName(Person p) {
        double r = rnd.nextDouble();
        String latinSurname = SyntheticPeople.translit(p.surname(), rnd.nextBoolean());
        if (r < 0.45) {
            return full(p);
        }
        if (r < 0.7) {
            return p.givenLatin() + " " + latinSurname;
        }
        if (r < 0.8) {
            return p.surname() + " " + p.givenCyr();
        }
        return r < 0.9 ? p.givenCyr() : null;
    }

    /** The national number as people write it; a nine-digit one (a digit missing) keeps the same habits. */
    private String written(String d) {
        return written(d, rnd);
    }

    private static String written(String d, Random r) {
        String a = d.substring(0, 3);
        String rest = d.substring(3);
        return switch (r.nextInt(5)) {
            case 0 -> "+7" + d;
            case 1 -> "8" + d;
            case 2 -> "+7 (" + a + ") " + rest;
            case 3 -> "8 (" + a + ") " + rest.substring(0, 3) + "-" + rest.substring(3);
            default -> a + " " + rest;
        };
    }

    private String swap(String d) {
        while (true) {
            int i = rnd.nextInt(d.length() - 1);
            if (d.charAt(i) != d.charAt(i + 1)) {
                return d.substring(0, i) + d.charAt(i + 1) + d.charAt(i) + d.substring(i + 2);
            }
        }
    }

    private String missing(String d) {
        int at = 1 + rnd.nextInt(d.length() - 1);
        return written(d.substring(0, at) + d.substring(at + 1));
    }

    private String doubleOne(String d) {
        int i = rnd.nextInt(d.length());
        return d.substring(0, i + 1) + d.substring(i);
    }

    /** The number with one digit (not the leading 9) replaced, when that number is nobody's and near nobody's. */
    private String replaceOne(String d) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int i = 1 + rnd.nextInt(d.length() - 1);
            char c = (char) ('0' + rnd.nextInt(10));
            if (c == d.charAt(i)) {
                continue;
            }
            String other = d.substring(0, i) + c + d.substring(i + 1);
            Set<String> own = new HashSet<>(PhoneDrift.storedKeys(d));
            if (PhoneDrift.storedKeys(other).stream().filter(k -> !own.contains(k)).noneMatch(nearKeys::contains)) {
                return other;
            }
        }
        return null;
    }

    private boolean free(String digits) {
        return PhoneDrift.probeKeys(BlockingKeys.phoneTail(digits)).stream().noneMatch(nearKeys::contains);
    }

    private void claim(String digits) {
        nearKeys.addAll(PhoneDrift.storedKeys(digits));
    }

    private String email() {
        return email(rnd);
    }

    private String email(Random r) {
        while (true) {
            String e = "c" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36) + "@mail.example";
            if (emails.add(e)) {
                return e;
            }
        }
    }

    private static String full(Person p) {
        return p.givenCyr() + " " + p.surname();
    }
}
