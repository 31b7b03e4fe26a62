package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class JaywayJacksonProviderTest {
    private static final String EVENT = "{\"Records\": [{\"eventSource\": \"aws:sqs\", \"n\": 1, \"messageAttributes\": {\"_datadog\":"
            + " {\"dataType\": \"String\", \"stringValue\": \"{}\"}}}, {\"eventSource\": \"aws:sns\", \"n\": 2.5, \"x\": [true, null]}],"
            + " \"a\": {\"b\": {\"_datadog\": \"deep\"}}}";

    private static Configuration configuration(JacksonJsonNodeJsonProvider provider, Option option) {
        return Configuration.builder().jsonProvider(provider).mappingProvider(new JacksonMappingProvider(Json.mapper()))
                .options(Option.SUPPRESS_EXCEPTIONS, option).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.Records[*].eventSource", "$.Records[?(@.eventSource == 'aws:sqs')]",
            "$.Records[0].messageAttributes._datadog[?(@.dataType =~ /^String.*/)]", "$..['_datadog','n']",
            "$.Records[*]['n','x']", "$.Records.length()", "$.missing"})
    void read_valuesAndPaths_equalTheStockProvidersAnswers(String path) throws Exception {
        JsonNode event = Json.mapper().readTree(EVENT);
        JsonPath compiled = JsonPath.compile(path);

        for (Option option : new Option[] {Option.ALWAYS_RETURN_LIST, Option.AS_PATH_LIST}) {
            Object stock = compiled.read(event, configuration(new JacksonJsonNodeJsonProvider(Json.mapper()), option));
            Object ours = compiled.read(event, configuration(new JaywayJacksonProvider(Json.mapper()), option));

            assertThat(ours).as("%s with %s", path, option).isEqualTo(stock);
        }
    }
}
