package dev.tracex.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a rule may read of an invocation besides its event: the Lambda context as JSON
 * ({@code awsRequestId}, {@code functionName}, {@code invokedFunctionArn}, {@code clientContext}, ...),
 * read by rules with {@code from: context} and handed to JS rules as their second argument.
 *
 * <p>The engine has no Lambda types; the adapter supplies this. {@link #toJson()} is called only by
 * rules that need it, so an implementation may build the JSON lazily.
 */
@FunctionalInterface
public interface InvocationContext {
    /** No invocation context: rules reading it find nothing. */
    InvocationContext NONE = () -> null;

    /** The context as a JSON object, or {@code null} when there is none. */
    JsonNode toJson();
}
