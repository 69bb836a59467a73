package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every language the interface ships is complete: each message of {@link Msg} is translated, no
 * translation is left over from a removed message, and a translation uses only the parameters its
 * message has. Fails on the first missing key of any language, naming it.
 */
class BundleCompletenessTest {

    /** The languages that must be complete. Adding a language file adds it to the check below as well. */
    private static final List<String> REQUIRED = List.of("es", "fr");
    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z_][a-zA-Z0-9_]*)");

    /** Each public bundle and the prefix of its translation files: one, so adding a language is one file. */
    private static final Map<Class<?>, String> BUNDLES = Map.of(Msg.class, "msg");

    /**
     * Quarkus 3.33's Qute generates a resolver that fails verification at start for a bundle of more
     * than 300 messages (docs/languages.md). Fail here, with the reason, before that happens.
     */
    @Test
    void thePublicBundleStaysWithinWhatQuteCanGenerate() {
        int count = messages().size();
        assertTrue(count <= 300, "web.Msg has " + count + " messages; Qute 3.33 breaks above 300: merge messages"
                + " that read the same, or move Java-composed text to a second bundle (and say in docs/languages.md"
                + " that adding a language then takes two files)");
    }

    private static Map<String, Set<String>> messages() {
        return messages(Msg.class);
    }

    private static Map<String, Set<String>> messages(Class<?> bundle) {
        return Arrays.stream(bundle.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Message.class))
                .collect(Collectors.toMap(Method::getName,
                        m -> Arrays.stream(m.getParameters()).map(Parameter::getName).collect(Collectors.toSet())));
    }

    private static Properties load(String language) throws IOException {
        return load("msg", language);
    }

    private static Properties load(String prefix, String language) throws IOException {
        try (InputStream in = BundleCompletenessTest.class.getClassLoader()
                .getResourceAsStream("messages/" + prefix + "_" + language + ".properties")) {
            assertNotNull(in, "messages/" + prefix + "_" + language + ".properties ships");
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void everyShippedLanguageHasEveryMessageAndNoOther() throws IOException {
        Map<String, Set<String>> messages = messages();
        assertTrue(messages.size() > 200, "the bundle carries the public pages and signer emails: " + messages.size());
        Set<String> shipped = new TreeSet<>(REQUIRED);
        for (String iso : java.util.Locale.getISOLanguages()) {
            if (getClass().getClassLoader().getResource("messages/msg_" + iso + ".properties") != null) {
                shipped.add(iso);
            }
        }
        assertEquals(new TreeSet<>(List.of("es", "fr")), shipped.stream().filter(REQUIRED::contains)
                .collect(Collectors.toCollection(TreeSet::new)));
        for (Map.Entry<Class<?>, String> bundle : BUNDLES.entrySet()) {
            Map<String, Set<String>> keys = messages(bundle.getKey());
            for (String language : shipped) {
                checkComplete(bundle.getValue() + "_" + language, language, keys, load(bundle.getValue(), language));
            }
        }
    }

    private static void checkComplete(String file, String language, Map<String, Set<String>> messages, Properties p) {
        Set<String> missing = new TreeSet<>(messages.keySet());
        missing.removeAll(p.stringPropertyNames());
        assertTrue(missing.isEmpty(), file + " lacks " + missing);
        Set<String> extra = new TreeSet<>(p.stringPropertyNames());
        extra.removeAll(messages.keySet());
        assertTrue(extra.isEmpty(), file + " has messages the bundle no longer has: " + extra);
        for (String key : p.stringPropertyNames()) {
            String text = p.getProperty(key);
            assertFalse(text.isBlank(), file + ": " + key + " is empty");
            Matcher m = PARAM.matcher(text);
            while (m.find()) {
                String name = m.group(1);
                assertTrue(messages.get(key).contains(name) || name.equals("if") || name.equals("else"),
                        file + ": " + key + " uses {" + name + "}, which the message does not have");
            }
        }
        assertEquals(language, p.getProperty("lang_tag"), file + ": lang_tag is the file's own language");
    }

    @Test
    void aMissingKeyIsReportedByName() throws IOException {
        Properties p = load("es");
        p.remove("sign_button");
        Set<String> missing = new TreeSet<>(messages().keySet());
        missing.removeAll(p.stringPropertyNames());
        assertEquals(Set.of("sign_button"), missing, "the check above would fail, naming the key");
    }
}
