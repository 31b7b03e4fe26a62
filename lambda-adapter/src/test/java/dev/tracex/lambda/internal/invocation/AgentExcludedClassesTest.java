package dev.tracex.lambda.internal.invocation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.tracex.lambda.functions.Handlers;
import dev.tracex.lambda.functions.UserWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class AgentExcludedClassesTest {
    private static final String TYPED = UserWork.Typed.class.getName();

    static Stream<Arguments> settings() {
        return Stream.of(
                argumentSet("unset", null, false),
                argumentSet("the class itself", TYPED, true),
                argumentSet("among others, spaces around", " com.example.Other , " + TYPED + " ", true),
                argumentSet("its package with the trailing *", "dev.tracex.lambda.functions.*", true),
                argumentSet("its package as a prefix", "dev.tracex.lambda.", true),
                argumentSet("its outer class's nested classes", "dev.tracex.lambda.functions.UserWork$*", true),
                argumentSet("a longer name is not a prefix", TYPED + "Other", false),
                argumentSet("another class", "dev.tracex.lambda.functions.UserWork$Streaming", false),
                argumentSet("empty entries only", " , ,", false));
    }

    @ParameterizedTest
    @MethodSource("settings")
    void excludesHandler_asTheAgentMatchesItsSetting(String value, boolean excluded) {
        assertThat(AgentExcludedClasses.parse(value).excludesHandler(UserWork.Typed.class)).isEqualTo(excluded);
    }

    /** A handler whose handleRequest a base class declares, which the agent instruments on its own. */
    public static class BaseHandler implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String input, Context context) {
            return input;
        }
    }

    public static final class Inheriting extends BaseHandler {
    }

    @Test
    void excludesHandler_handleRequestDeclaredInAnUnexcludedBaseClass_isNotExcluded() {
        String inheriting = Inheriting.class.getName();
        assertThat(AgentExcludedClasses.parse(inheriting).excludesHandler(Inheriting.class)).isFalse();
        assertThat(AgentExcludedClasses.parse(inheriting + "," + BaseHandler.class.getName())
                .excludesHandler(Inheriting.class)).isTrue();
    }

    @Test
    void excludesHandler_typeVariableBoundBySubclass_needsOnlyTheDeclaringClass() {
        // Concrete declares handleRequest itself (Base only binds the interface): excluding Concrete is enough.
        assertThat(AgentExcludedClasses.parse(Handlers.Concrete.class.getName()).excludesHandler(Handlers.Concrete.class)).isTrue();
    }

    @Test
    void instrumentedHint_namesTheClassesAnExclusionMustName_noneWhenExcluded() {
        String inheriting = Inheriting.class.getName();
        String base = BaseHandler.class.getName();
        // Inheriting declares no handleRequest: the agent's span comes from its base class, which the hint names.
        assertThat(AgentExcludedClasses.parse(null).instrumentedHint(Inheriting.class))
                .startsWith("tracex: the OpenTelemetry agent instruments " + inheriting + " itself")
                .contains("OTEL_JAVAAGENT_EXCLUDE_CLASSES=" + base + " ");
        assertThat(AgentExcludedClasses.parse(base).instrumentedHint(Inheriting.class)).isNull();
        assertThat(AgentExcludedClasses.parse(null).instrumentedHint(UserWork.Typed.class))
                .contains("OTEL_JAVAAGENT_EXCLUDE_CLASSES=" + TYPED + " ");
        assertThat(AgentExcludedClasses.parse(TYPED).instrumentedHint(UserWork.Typed.class)).isNull();
    }

    @Test
    void setting_systemPropertyWinsOverTheVariable() {
        assertThat(AgentExcludedClasses.setting("a.B", "c.D")).isEqualTo("a.B");
        assertThat(AgentExcludedClasses.setting(null, "c.D")).isEqualTo("c.D");
        assertThat(AgentExcludedClasses.setting(null, null)).isNull();
    }
}
