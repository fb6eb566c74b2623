package dev.purgedeck.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tree read without a mapper is the one {@code ObjectMapper.readTree} gives, node type for node type: settings,
 * host maps and Fastly's answers are read this way on the command line's path.
 */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"status\": \"ok\", \"id\": \"108-1391560174-974124\"}",
        "{\"a\":1,\"b\":-2147483649,\"c\":123456789012345678901234567890,\"d\":1.5,\"e\":-0.0,\"f\":1e400}",
        "{\"nested\":{\"list\":[1,[2,[3,{}]],[],{\"x\":null}],\"t\":true,\"f\":false}}",
        "[\"é\", \"\\u00e9\", \"tab\\tquote\\\"\", \"\\ud83d\\ude00\"]",
        "{\"dup\":1,\"other\":2,\"dup\":3}",
        "  \"just text\"  ",
        "42",
        "null",
        "{\"id\":\"1\"} trailing words",
        "{\"maps\":{\"Environment|http://127.0.0.1:1/\":{\"state\":\"READY\",\"hosts\":{\"www.example.com\":"
            + "{\"id\":\"SU1Z0isxPaozGVKXdv0eY\",\"name\":\"Example\",\"type\":\"vcl\",\"version\":3}}}}}"
    })
    void theSameTreeAsTheMappersFromTextBytesAndFiles(String json) throws Exception {
        JsonNode expected = MAPPER.readTree(json);
        Path file = Files.writeString(dir.resolve("f.json"), json);

        assertThat(JsonTrees.read(json)).isEqualTo(expected);
        assertThat(JsonTrees.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
        assertThat(JsonTrees.read(file)).isEqualTo(expected);
        assertThat(JsonTrees.read(json).getClass()).isEqualTo(expected.getClass());
    }

    @Test
    void numbersKeepTheMappersNodeTypes() throws Exception {
        String json = "[1, 3000000000, 123456789012345678901234567890, 2.5]";
        JsonNode ours = JsonTrees.read(json);
        JsonNode theirs = MAPPER.readTree(json);
        for (int i = 0; i < theirs.size(); i++) {
            assertThat(ours.get(i).getClass()).as("element %d", i).isEqualTo(theirs.get(i).getClass());
        }
    }

    @Test
    void noValueIsTheMissingNode() throws Exception {
        assertThat(JsonTrees.read("").isMissingNode()).isTrue();
        assertThat(JsonTrees.read("   \n").isMissingNode()).isTrue();
        assertThat(JsonTrees.read(Files.writeString(dir.resolve("empty.json"), "")).isMissingNode()).isTrue();
    }

    @Test
    void brokenJsonFailsAsTheParserSaysWithItsLocation() {
        assertThatThrownBy(() -> JsonTrees.read("{\"id\":\"1-2\""))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> JsonTrees.read("{\"a\": tru}"))
                .isInstanceOfSatisfying(JsonProcessingException.class,
                        e -> assertThat(e.getLocation().getColumnNr()).isPositive());
    }

    @Test
    void nestingBeyondTheParsersLimitFailsInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> JsonTrees.read(deep)).isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void aNewObjectIsEmptyAndEditable() {
        assertThat(JsonTrees.object().put("a", 1).toString()).isEqualTo("{\"a\":1}");
    }
}
