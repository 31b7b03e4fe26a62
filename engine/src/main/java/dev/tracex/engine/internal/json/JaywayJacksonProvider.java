package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;

/**
 * Jayway's Jackson provider without a hidden cost: for every match, Jayway records the match's path
 * (a {@code String}) beside its value, and the stock provider turns each such string into a node with
 * {@code ObjectMapper.valueToTree}, a serialize-and-parse round trip through a token buffer. That was
 * an eighth of the time of {@code builtin.sqs} on a 10-record batch (its filters run per record). A
 * string becomes a {@link TextNode} here, which is what {@code valueToTree} returns for it; everything
 * else goes to the stock provider unchanged. Internal: may change without notice.
 */
final class JaywayJacksonProvider extends JacksonJsonNodeJsonProvider {
    JaywayJacksonProvider(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    public void setArrayIndex(Object array, int index, Object newValue) {
        super.setArrayIndex(array, index, newValue instanceof String ? TextNode.valueOf((String) newValue) : newValue);
    }

    @Override
    public void setProperty(Object obj, Object key, Object value) {
        super.setProperty(obj, key, value instanceof String ? TextNode.valueOf((String) value) : value);
    }
}
