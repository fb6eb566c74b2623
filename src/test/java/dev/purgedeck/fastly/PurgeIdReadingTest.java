package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.files.JsonTrees;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The purge ID of an answer, read by the quick path for plain-string objects or by Jackson's parser for the rest, is
 * what the answer's tree says: the text of a scalar {@code id}, "" for an object or array, null when absent or null.
 */
class PurgeIdReadingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"status\":\"ok\",\"id\":\"7001-1796544371-101000\"}",
        "{\"status\": \"ok\", \"id\": \"108-1391560174-974124\"}",
        " \r\n{ \"id\" : \"spaced\" ,\t\"status\" : \"ok\" }\n ",
        "{\"id\":\"first\",\"id\":\"last\"}",
        "{\"status\":\"ok\"}",
        "{}",
        "{\"id\":\"\"}",
        "{\"id\":\"café — ☕\"}",
        "{\"id\":\"with \\\"escapes\\\" \\u0041\"}",
        "{\"id\":123}",
        "{\"id\":null}",
        "{\"id\":true}",
        "{\"id\":{\"nested\":\"x\"}}",
        "{\"id\":[\"a\"]}",
        "{\"ids\":\"not it\",\"xid\":\"nor this\"}",
        "{\"extra\":{\"id\":\"nested\"},\"id\":\"7-8\"}",
        "[\"id\",\"1-2\"]",
        "\"id\"",
        "{\"id\":\"1-2\"} and text after"
    })
    void theIdTheTreeHolds(String body) throws IOException {
        JsonNode id = MAPPER.readTree(body).get("id");
        String expected = id == null || id.isNull() ? null : id.isContainerNode() ? "" : id.asText();

        assertThat(JsonReaders.purgeId(JsonTrees.factory(), body)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{\"id\":\"1-2\"", "{\"id\":\"line\nbreak\"}", "{\"id\" \"x\"}",
        "{\"id\":\"x\",}", "<html>ok</html>"})
    void anAnswerThatIsNoJsonValueFails(String body) {
        assertThatThrownBy(() -> JsonReaders.purgeId(JsonTrees.factory(), body)).isInstanceOf(IOException.class);
    }
}
