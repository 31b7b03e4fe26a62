package dev.tracex.lambda.internal.invocation;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The serializers the Lambda Java runtime uses, from {@code aws-lambda-java-serialization}: the event
 * serializers (with their mix-ins, so {@code SQSEvent} reads {@code Records}) for the
 * {@code aws-lambda-java-events} types, Jackson for everything else (POJOs, {@code Map}, {@code String},
 * numbers). Built once per type and cached, as the runtime does.
 */
public final class RuntimeSerializers {
    private static final Map<Type, PojoSerializer<Object>> CACHE = new ConcurrentHashMap<>();

    private RuntimeSerializers() {
    }

    @SuppressWarnings("unchecked")
    public static PojoSerializer<Object> forType(Type type, ClassLoader loader) {
        return CACHE.computeIfAbsent(type, t -> {
            if (t instanceof Class && LambdaEventSerializers.isLambdaSupportedEvent(((Class<?>) t).getName())) {
                return LambdaEventSerializers.serializerFor((Class<Object>) t, loader);
            }
            return JacksonFactory.getInstance().getSerializer(t);
        });
    }
}
