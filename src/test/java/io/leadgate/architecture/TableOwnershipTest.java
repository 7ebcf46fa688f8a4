package io.leadgate.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQL the import rules cannot see: {@code contact} writes no statement that names a table another package owns
 * (the owner of a table is the package of its entity). Rows of other packages that follow a merge are moved by the
 * owning package's {@code ContactRowsMerge} subclass, which hands its own table in; which leads are the source's is
 * asked of {@code lead}.
 */
class TableOwnershipTest {

    private static final Path CONTACT = Path.of("src/main/java/io/leadgate/contact");
    private static final Pattern STATEMENT = Pattern.compile("(?i)\\b(?:from|join|update|into)\\s+([a-z_][a-z0-9_]*)\\b");

    @Test
    void contactNamesNoTableOfAnotherPackage() throws IOException {
        Map<String, String> owners = tableOwners();
        assertEquals("io.leadgate.lead", owners.get("lead"), "the rule knows the tables: " + owners);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CONTACT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                found.addAll(foreign(file.getFileName().toString(), Files.readString(file), owners));
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theRuleFindsAForeignTableInAStatement() {
        Map<String, String> owners = tableOwners();
        assertFalse(foreign("Probe.java", "em.createNativeQuery(\"select t.id from \" + table + \" t join lead l on "
                + "l.id = t.lead_id\")", owners).isEmpty());
        assertTrue(foreign("Probe.java", "em.createNativeQuery(\"update contact_identity set contact_id = ?1\")", owners)
                .isEmpty(), "contact's own table");
    }

    /** Table name → the package of its entity, for every entity in the application. */
    private static Map<String, String> tableOwners() {
        Map<String, String> owners = new TreeMap<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.leadgate")) {
            if (c.isAnnotatedWith(Entity.class)) {
                String table = c.tryGetAnnotationOfType(Table.class).map(Table::name).filter(n -> !n.isEmpty())
                        .orElse(c.getSimpleName()).toLowerCase(Locale.ROOT);
                owners.put(table, c.getPackageName());
            }
        }
        return owners;
    }

    /** The statements in {@code source} that name a table owned outside {@code contact}. */
    private static List<String> foreign(String file, String source, Map<String, String> owners) {
        List<String> found = new ArrayList<>();
        Matcher m = STATEMENT.matcher(source);
        while (m.find()) {
            String owner = owners.get(m.group(1).toLowerCase(Locale.ROOT));
            if (owner != null && !owner.startsWith("io.leadgate.contact")) {
                found.add(file + ": " + m.group() + " (" + owner + ")");
            }
        }
        return found;
    }
}
