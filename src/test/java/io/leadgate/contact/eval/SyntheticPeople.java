package io.leadgate.contact.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic people and their touches across channels, with ground truth, from a fixed seed. Each person has a
 * Russian name, a mobile number, often an email and a Telegram account, and writes one to five times through a web
 * form, Telegram, email, a phone call or a foreign (German) web form, each time as people do: the name written in
 * Cyrillic or Latin (two transliteration schemes), as a diminutive, swapped, with a typo, or not at all; the phone in
 * any national or international format, with an extension, or without its country code; the email in capitals, with
 * Gmail dots or {@code +tags}, at googlemail.com or ya.ru.
 *
 * <p>Every touch after a person's first carries at least one contact point the person used before (in any of its
 * written forms): what no system could link (a new phone and nothing else) is not generated. Distractors are
 * generated: namesakes (names drawn from a small pool) and foreign numbers whose last ten digits equal another
 * person's Russian mobile (+1 with the same ten digits, English names). Not generated: two people sharing one phone
 * or mailbox (a family line), which exact matching already puts on one card.
 */
public final class SyntheticPeople {

    /** Channels of the evaluation (the test maps them to channel files). */
    public enum Channel { FORM, FORM_DE, TELEGRAM, EMAIL, CALL }

    /** One inquiry as written, with the person who wrote it. */
    public record Touch(int person, Channel channel, String name, List<String> phones, List<String> emails,
                        Long telegramUser) {
    }

    private record Given(String cyr, List<String> latin, String dimCyr, String dimLatin) {
    }

    private record Person(int id, boolean female, Given given, String surname, String digits, String countryCode,
                          String email, Long telegram, boolean foreign, String foreignName) {
    }

    private static final List<Given> MALE = List.of(
            g("Александр", "Alexander|Aleksandr", "Саша", "Sasha"), g("Алексей", "Alexey|Aleksei", "Лёша", "Lyosha"),
            g("Андрей", "Andrey|Andrei", "Андрюша", null), g("Дмитрий", "Dmitry|Dmitrii", "Дима", "Dima"),
            g("Сергей", "Sergey|Sergei", "Серёжа", "Seryozha"), g("Михаил", "Mikhail", "Миша", "Misha"),
            g("Иван", "Ivan", "Ваня", "Vanya"), g("Николай", "Nikolay|Nikolai", "Коля", "Kolya"),
            g("Владимир", "Vladimir", "Вова", "Vova"), g("Евгений", "Evgeny|Evgenii", "Женя", "Zhenya"),
            g("Максим", "Maksim|Maxim", "Макс", "Max"), g("Павел", "Pavel", "Паша", "Pasha"),
            g("Роман", "Roman", "Рома", "Roma"), g("Олег", "Oleg", null, null), g("Игорь", "Igor", null, null),
            g("Антон", "Anton", "Антоша", null), g("Константин", "Konstantin", "Костя", "Kostya"),
            g("Виктор", "Viktor|Victor", "Витя", "Vitya"), g("Юрий", "Yury|Iurii", "Юра", "Yura"),
            g("Денис", "Denis", null, null));
    private static final List<Given> FEMALE = List.of(
            g("Екатерина", "Ekaterina|Yekaterina", "Катя", "Katya"), g("Анна", "Anna", "Аня", "Anya"),
            g("Мария", "Maria|Mariia", "Маша", "Masha"), g("Елена", "Elena|Yelena", "Лена", "Lena"),
            g("Ольга", "Olga", "Оля", "Olya"), g("Наталья", "Natalya|Natalia", "Наташа", "Natasha"),
            g("Татьяна", "Tatyana|Tatiana", "Таня", "Tanya"), g("Ирина", "Irina", "Ира", "Ira"),
            g("Светлана", "Svetlana", "Света", "Sveta"), g("Юлия", "Yulia|Iuliia", "Юля", "Yulya"),
            g("Анастасия", "Anastasia|Anastasiia", "Настя", "Nastya"), g("Дарья", "Darya|Daria", "Даша", "Dasha"),
            g("Ксения", "Kseniya|Ksenia", "Ксюша", "Ksyusha"), g("Марина", "Marina", null, null),
            g("Виктория", "Victoria|Viktoriia", "Вика", "Vika"), g("Людмила", "Lyudmila|Liudmila", "Люда", "Lyuda"),
            g("Галина", "Galina", "Галя", "Galya"), g("Алёна", "Alyona|Alena", null, null),
            g("Полина", "Polina", "Поля", "Polya"), g("Вероника", "Veronika", "Ника", "Nika"));
    private static final List<String> SURNAMES = List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев",
            "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев",
            "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
            "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев",
            "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов",
            "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков",
            "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров");
    private static final List<String> ENGLISH = List.of("John Smith", "Michael Johnson", "David Brown",
            "James Miller", "Robert Davis", "Mary Wilson", "Linda Moore", "Susan Taylor", "Karen Anderson",
            "Nancy Thomas", "Paul Jackson", "Mark White", "Laura Harris", "Emily Martin", "Daniel Thompson");
    private static final String[] DOMAINS = {"gmail.com", "gmail.com", "gmail.com", "gmail.com", "yandex.ru",
            "yandex.ru", "mail.ru", "mail.ru", "bk.ru", "company"};

    private final Random rnd;
    private final Set<String> usedDigits = new HashSet<>();

    private SyntheticPeople(long seed) {
        this.rnd = new Random(seed);
    }

    /** The touches of {@code people} people (about 1 % foreign number twins among them), in arrival order. */
    public static List<Touch> generate(long seed, int people) {
        return new SyntheticPeople(seed).touches(people);
    }

    private List<Touch> touches(int people) {
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            persons.add(person(i));
        }
        for (int i = 0; i < people / 100; i++) { // a foreign number with a Russian person's ten digits
            Person twinOf = persons.get(rnd.nextInt(persons.size()));
            persons.add(new Person(persons.size(), false, null, null, twinOf.digits(), "+1", null, null, true,
                    ENGLISH.get(rnd.nextInt(ENGLISH.size()))));
        }
        record Timed(double at, int seq, Touch touch) {
        }
        List<Timed> timed = new ArrayList<>();
        int seq = 0;
        for (Person p : persons) {
            double at = rnd.nextDouble();
            for (Touch t : sequence(p)) {
                timed.add(new Timed(at, seq++, t));
                at += rnd.nextDouble() * 0.2;
            }
        }
        timed.sort(Comparator.comparingDouble(Timed::at).thenComparingInt(Timed::seq));
        return timed.stream().map(Timed::touch).toList();
    }

    private Person person(int id) {
        boolean female = rnd.nextBoolean();
        Given given = (female ? FEMALE : MALE).get(rnd.nextInt(20));
        String surname = SURNAMES.get(rnd.nextInt(SURNAMES.size())) + (female ? "а" : "");
        String digits;
        do {
            digits = "9" + (5 + rnd.nextInt(5)) + String.format("%08d", rnd.nextInt(100_000_000));
        } while (!usedDigits.add(digits));
        String email = null;
        if (rnd.nextDouble() < 0.7) {
            String domain = DOMAINS[rnd.nextInt(DOMAINS.length)];
            domain = domain.equals("company") ? "firm" + rnd.nextInt(200) + ".ru" : domain;
            String local = translit(given.cyr(), rnd.nextBoolean()).toLowerCase(Locale.ROOT) + "."
                    + translit(surname, rnd.nextBoolean()).toLowerCase(Locale.ROOT) + id;
            email = local + "@" + domain;
        }
        Long telegram = rnd.nextDouble() < 0.5 ? 100_000_000L + id * 7919L : null;
        return new Person(id, female, given, surname, digits, "+7", email, telegram, false, null);
    }

    private List<Touch> sequence(Person p) {
        int count = p.foreign() ? 1 + rnd.nextInt(2) : pick(new double[] {0.3, 0.3, 0.2, 0.12, 0.08}) + 1;
        List<Touch> out = new ArrayList<>();
        Set<String> exposed = new HashSet<>();
        for (int k = 0; k < count; k++) {
            Touch touch = null;
            for (int attempt = 0; attempt < 20 && touch == null; attempt++) {
                Touch candidate = touch(p, channel(p), out.stream().noneMatch(t -> t.channel() == Channel.TELEGRAM));
                if (candidate != null && (k == 0 || !keys(p, candidate).isEmpty() && overlaps(keys(p, candidate), exposed))) {
                    touch = candidate;
                }
            }
            if (touch == null) { // a call from the person's phone always connects
                touch = new Touch(p.id(), Channel.CALL, null, List.of(p.countryCode() + p.digits()), List.of(), null);
            }
            exposed.addAll(keys(p, touch));
            out.add(touch);
        }
        return out;
    }

    private Channel channel(Person p) {
        if (p.foreign()) {
            return rnd.nextBoolean() ? Channel.FORM : Channel.CALL;
        }
        double r = rnd.nextDouble();
        if (r < 0.40) {
            return Channel.FORM;
        }
        if (r < 0.60) {
            return p.telegram() != null ? Channel.TELEGRAM : Channel.FORM;
        }
        if (r < 0.80) {
            return p.email() != null ? Channel.EMAIL : Channel.CALL;
        }
        return r < 0.95 ? Channel.CALL : Channel.FORM_DE;
    }

    private Touch touch(Person p, Channel channel, boolean firstTelegram) {
        List<String> phones = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        switch (channel) {
            case FORM -> {
                if (p.foreign()) {
                    phones.add("+1 " + p.digits());
                    return new Touch(p.id(), channel, p.foreignName(), phones, emails, null);
                }
                boolean phone = rnd.nextDouble() < 0.9 || p.email() == null;
                if (phone) {
                    phones.add(phoneAsWritten(p.digits()));
                }
                if (p.email() != null && (!phone || rnd.nextDouble() < 0.4)) {
                    emails.add(emailAsWritten(p.email()));
                }
                return new Touch(p.id(), channel, formName(p), phones, emails, null);
            }
            case FORM_DE -> {
                phones.add(rnd.nextBoolean() ? p.digits() : "(" + p.digits().substring(0, 3) + ") " + p.digits().substring(3));
                if (p.email() != null && rnd.nextDouble() < 0.3) {
                    emails.add(emailAsWritten(p.email()));
                }
                String name = rnd.nextDouble() < 0.6 ? latin(p.given()) + " " + translit(p.surname(), rnd.nextBoolean())
                        : full(p);
                return new Touch(p.id(), channel, name, phones, emails, null);
            }
            case TELEGRAM -> {
                if (rnd.nextDouble() < (firstTelegram ? 0.75 : 0.1)) {
                    phones.add("7" + p.digits()); // a shared contact: international digits without +
                }
                return new Touch(p.id(), channel, telegramName(p), phones, emails, p.telegram());
            }
            case EMAIL -> {
                emails.add(emailAsWritten(p.email()));
                if (rnd.nextDouble() < 0.25) {
                    phones.add(phoneAsWritten(p.digits()));
                }
                return new Touch(p.id(), channel, mailName(p), phones, emails, null);
            }
            default -> {
                phones.add(p.countryCode() + p.digits());
                return new Touch(p.id(), Channel.CALL, null, phones, emails, null);
            }
        }
    }

    /** The person's contact points a touch carries, reduced to what is the same in truth. */
    private static Set<String> keys(Person p, Touch t) {
        Set<String> keys = new HashSet<>();
        if (!t.phones().isEmpty()) {
            keys.add("phone:" + p.countryCode() + p.digits());
        }
        if (!t.emails().isEmpty()) {
            keys.add("email:" + p.email());
        }
        if (t.telegramUser() != null) {
            keys.add("tg:" + t.telegramUser());
        }
        return keys;
    }

    private static boolean overlaps(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    private String phoneAsWritten(String d) {
        String a = d.substring(0, 3);
        String b = d.substring(3, 6);
        String c = d.substring(6, 8);
        String e = d.substring(8);
        return switch (rnd.nextInt(8)) {
            case 0 -> "+7" + d;
            case 1 -> "8" + d;
            case 2 -> "+7 (" + a + ") " + b + "-" + c + "-" + e;
            case 3 -> "8 (" + a + ") " + b + "-" + c + "-" + e;
            case 4 -> "7" + d;
            case 5 -> d;
            case 6 -> "+7 " + a + " " + b + " " + c + " " + e + " доб. " + (10 + rnd.nextInt(90));
            default -> "8-" + a + "-" + b + c + e;
        };
    }

    private String emailAsWritten(String email) {
        int at = email.indexOf('@');
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        double r = rnd.nextDouble();
        if (domain.equals("gmail.com")) {
            if (r < 0.12) {
                return local.replace(".", "") + "@gmail.com";
            }
            if (r < 0.22) {
                return local + "+" + (rnd.nextBoolean() ? "shop" : "promo") + "@gmail.com";
            }
            if (r < 0.27) {
                return local + "@googlemail.com";
            }
        } else if (domain.equals("yandex.ru")) {
            if (r < 0.1) {
                return local + "+crm@yandex.ru";
            }
            if (r < 0.15) {
                return local + "@ya.ru";
            }
        }
        return r > 0.9 ? email.toUpperCase(Locale.ROOT) : email;
    }

    private String formName(Person p) {
        double r = rnd.nextDouble();
        if (r < 0.55) {
            return full(p);
        }
        if (r < 0.65) {
            return p.surname() + " " + p.given().cyr();
        }
        if (r < 0.75) {
            return p.given().cyr();
        }
        if (r < 0.80) {
            return (p.given().dimCyr() != null ? p.given().dimCyr() : p.given().cyr()) + " " + p.surname();
        }
        if (r < 0.85) {
            return latin(p.given()) + " " + translit(p.surname(), rnd.nextBoolean());
        }
        if (r < 0.90) {
            return p.given().cyr() + " " + typo(p.surname());
        }
        return null;
    }

    private String telegramName(Person p) {
        double r = rnd.nextDouble();
        String latinSurname = translit(p.surname(), rnd.nextBoolean());
        if (r < 0.35) {
            return latin(p.given()) + " " + latinSurname;
        }
        if (r < 0.55) {
            return latin(p.given());
        }
        if (r < 0.70) {
            return full(p);
        }
        String dim = p.given().dimLatin() != null && rnd.nextBoolean() ? p.given().dimLatin() : p.given().dimCyr();
        dim = dim == null ? p.given().cyr() : dim;
        if (r < 0.85) {
            return dim;
        }
        return r < 0.95 ? dim + " " + (Character.UnicodeScript.of(dim.charAt(0)) == Character.UnicodeScript.LATIN
                ? latinSurname : p.surname()) : null;
    }

    private String mailName(Person p) {
        double r = rnd.nextDouble();
        if (r < 0.4) {
            return latin(p.given()) + " " + translit(p.surname(), rnd.nextBoolean());
        }
        if (r < 0.7) {
            return full(p);
        }
        if (r < 0.8) {
            return (p.given().dimCyr() != null ? p.given().dimCyr() : p.given().cyr()) + " " + p.surname();
        }
        return null;
    }

    private static String full(Person p) {
        return p.given().cyr() + " " + p.surname();
    }

    private String latin(Given given) {
        return given.latin().get(rnd.nextInt(given.latin().size()));
    }

    /** One keyboard slip in a longer word: a swap of two letters, a dropped or a doubled one. */
    private String typo(String word) {
        if (word.length() < 6) {
            return word;
        }
        int i = 1 + rnd.nextInt(word.length() - 3);
        return switch (rnd.nextInt(3)) {
            case 0 -> word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
            case 1 -> word.substring(0, i) + word.substring(i + 1);
            default -> word.substring(0, i + 1) + word.substring(i);
        };
    }

    /** Russian to Latin: BGN/PCGN-like (passport = false) or ICAO 9303 as in Russian passports (passport = true). */
    static String translit(String cyr, boolean passport) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cyr.length(); i++) {
            char c = cyr.charAt(i);
            boolean upper = Character.isUpperCase(c);
            String t = switch (Character.toLowerCase(c)) {
                case 'а' -> "a"; case 'б' -> "b"; case 'в' -> "v"; case 'г' -> "g"; case 'д' -> "d";
                case 'е' -> "e"; case 'ё' -> passport ? "e" : "yo"; case 'ж' -> "zh"; case 'з' -> "z";
                case 'и' -> "i"; case 'й' -> passport ? "i" : "y"; case 'к' -> "k"; case 'л' -> "l"; case 'м' -> "m";
                case 'н' -> "n"; case 'о' -> "o"; case 'п' -> "p"; case 'р' -> "r"; case 'с' -> "s"; case 'т' -> "t";
                case 'у' -> "u"; case 'ф' -> "f"; case 'х' -> "kh"; case 'ц' -> "ts"; case 'ч' -> "ch";
                case 'ш' -> "sh"; case 'щ' -> "shch"; case 'ъ' -> passport ? "ie" : ""; case 'ы' -> "y";
                case 'ь' -> ""; case 'э' -> "e"; case 'ю' -> passport ? "iu" : "yu"; case 'я' -> passport ? "ia" : "ya";
                default -> String.valueOf(c);
            };
            out.append(upper && !t.isEmpty() ? Character.toUpperCase(t.charAt(0)) + t.substring(1) : t);
        }
        return out.toString();
    }

    private int pick(double[] weights) {
        double r = rnd.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static Given g(String cyr, String latin, String dimCyr, String dimLatin) {
        return new Given(cyr, List.of(latin.split("\\|")), dimCyr, dimLatin);
    }
}
