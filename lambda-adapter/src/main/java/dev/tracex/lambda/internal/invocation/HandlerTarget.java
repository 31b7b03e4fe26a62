package dev.tracex.lambda.internal.invocation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.tracex.lambda.internal.handoff.OptionalLibraries;
import dev.tracex.lambda.internal.logging.Log;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The user's handler named by {@code DD_LAMBDA_HANDLER}, loaded once and picked by the rules of the
 * Lambda Java runtime, so a function behaves the same wrapped or not:
 * <ul>
 * <li>{@code com.example.Handler}: the class implements {@link RequestStreamHandler}, or
 * {@link RequestHandler} with concrete type arguments (its input and output types);</li>
 * <li>{@code com.example.Handler::method}: the public method of that name, among overloads the one with
 * the longest signature, a trailing {@link Context} counting one extra, bridge methods last; accepted
 * signatures are {@code (I)}, {@code (I, Context)}, {@code (Context)}, {@code ()} and the stream forms
 * {@code (InputStream[, OutputStream][, Context])}, {@code (OutputStream[, Context])}.</li>
 * </ul>
 * The handler is always called through its interface ({@link RequestHandler} or {@link RequestStreamHandler}),
 * a handler method through {@link PojoMethod} or {@link StreamMethod}, so that a tracer agent instruments
 * exactly one {@code handleRequest} per invocation, beneath the wrapper; a handler class through
 * {@link PojoClass} or {@link StreamClass} when the OpenTelemetry agent is told not to instrument it
 * ({@link AgentExcludedClasses}), so that the agent's span starts around tracex's code, else directly.
 * Instance methods need a public no-argument constructor, called once. The event is deserialized for the
 * input type and the result serialized for the declared return type with the runtime's own serializers
 * ({@link RuntimeSerializers}); a {@code void} result is written as {@code null}. Exceptions thrown by
 * the user's code propagate unchanged.
 */
public abstract class HandlerTarget {
    /**
     * The wrapper's own class, which {@code DD_LAMBDA_HANDLER} must not name; a name here, not a class literal, so
     * this package does not depend on the API above it ({@code HandlerTargetTest} holds it to the real class).
     */
    public static final String WRAPPER_CLASS = "dev.tracex.lambda.TracingHandler";

    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /** The handler as configured, e.g. {@code com.example.Handler::handleRequest}. */
    public final String spec;

    HandlerTarget(String spec) {
        this.spec = spec;
    }

    /** Runs the handler on one event's raw JSON, writing its serialized result to {@code out}. */
    public abstract void handle(byte[] event, OutputStream out, Context context) throws IOException;

    /**
     * Loads {@code spec} ({@code <class>} or {@code <class>::<method>}) from {@code loader}.
     *
     * @throws IllegalStateException naming the spec and what is wrong with it
     */
    public static HandlerTarget load(String spec, ClassLoader loader) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalStateException("DD_LAMBDA_HANDLER is not set: set it to the function's own handler, "
                    + "e.g. com.example.MyHandler::handleRequest");
        }
        String s = spec.trim();
        int sep = s.indexOf("::");
        String className = sep < 0 ? s : s.substring(0, sep);
        String methodName = sep < 0 ? null : s.substring(sep + 2);
        if (className.isEmpty() || (methodName != null && methodName.isEmpty())) {
            throw new IllegalStateException("DD_LAMBDA_HANDLER=" + s + ": expected <class> or <class>::<method>");
        }
        if (className.equals(WRAPPER_CLASS)) {
            throw new IllegalStateException("DD_LAMBDA_HANDLER=" + s + ": names the wrapper itself; set it to the "
                    + "function's own handler and the function's handler to the wrapper");
        }
        Class<?> cls;
        try {
            cls = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("DD_LAMBDA_HANDLER=" + s + ": class " + className + " not found", e);
        }
        return methodName == null ? forClass(s, cls, loader) : forMethod(s, cls, methodName, loader);
    }

    private static HandlerTarget forClass(String spec, Class<?> cls, ClassLoader loader) {
        if (Log.debugging() && OptionalLibraries.openTelemetryAgent()) {
            String hint = AgentExcludedClasses.PROCESS.instrumentedHint(cls);
            if (hint != null) {
                Log.debug(hint);
            }
        }
        if (RequestStreamHandler.class.isAssignableFrom(cls)) {
            RequestStreamHandler h = (RequestStreamHandler) instantiate(spec, cls);
            return new Stream(spec, AgentExcludedClasses.PROCESS.excludesHandler(cls) ? new StreamClass(h) : h);
        }
        if (RequestHandler.class.isAssignableFrom(cls)) {
            Type[] types = typeArguments(cls, RequestHandler.class);
            if (types == null || types.length != 2 || types[0] instanceof TypeVariable || types[1] instanceof TypeVariable) {
                throw new IllegalStateException("DD_LAMBDA_HANDLER=" + spec + ": class " + cls.getName()
                        + " does not implement RequestHandler with concrete type parameters");
            }
            @SuppressWarnings("unchecked")
            RequestHandler<Object, Object> h = (RequestHandler<Object, Object>) instantiate(spec, cls);
            return new Pojo(spec, types[0], types[1], loader,
                    AgentExcludedClasses.PROCESS.excludesHandler(cls) ? new PojoClass(h) : h);
        }
        throw new IllegalStateException("DD_LAMBDA_HANDLER=" + spec + ": class " + cls.getName()
                + " does not implement RequestHandler or RequestStreamHandler; name a method with <class>::<method>");
    }

    /**
     * Most preferred first, as the runtime orders overloads. A method, not a static comparator built of lambdas: the
     * class is initialised at every cold start, and only a {@code <class>::<method>} handler sorts overloads.
     */
    private static int priority(Method a, Method b) {
        if (a.isBridge() != b.isBridge()) {
            return a.isBridge() ? 1 : -1;
        }
        return Integer.compare(weight(b), weight(a));
    }

    private static int weight(Method m) {
        Class<?>[] p = m.getParameterTypes();
        return p.length + (p.length > 0 && p[p.length - 1] == Context.class ? 1 : 0);
    }

    private static HandlerTarget forMethod(String spec, Class<?> cls, String name, ClassLoader loader) {
        Method[] candidates = Arrays.stream(cls.getMethods()).filter(m -> m.getName().equals(name))
                .sorted(HandlerTarget::priority).toArray(Method[]::new);
        for (Method m : candidates) {
            HandlerTarget t = forOverload(spec, cls, m, loader);
            if (t != null) {
                return t;
            }
        }
        throw new IllegalStateException("DD_LAMBDA_HANDLER=" + spec + ": no public method named " + name
                + " with a handler signature on class " + cls.getName());
    }

    /** The target for one overload, or {@code null} when its signature is not a handler's. */
    private static HandlerTarget forOverload(String spec, Class<?> cls, Method m, ClassLoader loader) {
        if (implementsHandlerInterface(cls, m)) {
            // The method is the class's own RequestHandler/RequestStreamHandler implementation, which a tracer
            // agent instruments itself: called through the interface as for <class>. Behind PojoMethod (also an
            // implementer) the agent would see two handleRequest calls and start two invocation spans.
            return forClass(spec, cls, loader);
        }
        Type[] p = m.getGenericParameterTypes();
        boolean lastIsContext = p.length > 0 && p[p.length - 1] == Context.class;
        int rest = lastIsContext ? p.length - 1 : p.length;
        if (rest == 0) {
            return method(spec, cls, m, null, lastIsContext, loader);
        }
        if (p[0] == Context.class) {
            return null;
        }
        if (p[0] == InputStream.class || p[0] == OutputStream.class) {
            boolean in = p[0] == InputStream.class;
            boolean out = !in || (rest == 2 && p[1] == OutputStream.class);
            if (rest > 2 || (rest == 2 && !(in && out))) {
                return null;
            }
            return streamMethod(spec, cls, m, in, out, lastIsContext);
        }
        if (rest == 1 && p[0] != OutputStream.class) {
            return method(spec, cls, m, p[0], lastIsContext, loader);
        }
        return null;
    }

    /** Whether {@code m} is {@code cls}'s implementation of its handler interface's {@code handleRequest}. */
    private static boolean implementsHandlerInterface(Class<?> cls, Method m) {
        if (!m.getName().equals("handleRequest") || m.isBridge() || Modifier.isStatic(m.getModifiers())) {
            return false;
        }
        Class<?>[] p = m.getParameterTypes();
        if (RequestStreamHandler.class.isAssignableFrom(cls)) {
            return p.length == 3 && p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class;
        }
        if (!RequestHandler.class.isAssignableFrom(cls) || p.length != 2 || p[1] != Context.class) {
            return false;
        }
        Type[] types = typeArguments(cls, RequestHandler.class);
        if (types == null || types.length != 2 || types[0] instanceof TypeVariable || types[1] instanceof TypeVariable) {
            return false;
        }
        Type input = types[0] instanceof ParameterizedType ? ((ParameterizedType) types[0]).getRawType() : types[0];
        return input == p[0];
    }

    private static HandlerTarget method(String spec, Class<?> cls, Method m, Type input, boolean withContext,
                                        ClassLoader loader) {
        Object instance = Modifier.isStatic(m.getModifiers()) ? null : instantiate(spec, cls);
        return new Pojo(spec, input, m.getGenericReturnType(), loader, new PojoMethod(m, instance, input != null, withContext));
    }

    private static HandlerTarget streamMethod(String spec, Class<?> cls, Method m, boolean in, boolean out,
                                              boolean withContext) {
        Object instance = Modifier.isStatic(m.getModifiers()) ? null : instantiate(spec, cls);
        return new Stream(spec, new StreamMethod(m, instance, in, out, withContext));
    }

    /**
     * A POJO handler method behind the {@link RequestHandler} interface. Why: the OpenTelemetry agent starts
     * the invocation span in advice on {@code handleRequest} of {@code RequestHandler}/{@code RequestStreamHandler}
     * implementers, and the wrapper itself implements neither (so that its span is not a second one), so a
     * method handler needs this one implementer to get exactly one invocation span.
     */
    static final class PojoMethod implements RequestHandler<Object, Object> {
        private final Method method;
        private final Object instance;
        private final boolean withInput;
        private final boolean withContext;

        PojoMethod(Method method, Object instance, boolean withInput, boolean withContext) {
            this.method = method;
            this.instance = instance;
            this.withInput = withInput;
            this.withContext = withContext;
        }

        @Override
        public Object handleRequest(Object input, Context context) {
            InvocationHandOff.annotateTracerSpan(); // inside the agent's SERVER span, if there is one
            Object[] args = new Object[(withInput ? 1 : 0) + (withContext ? 1 : 0)];
            int i = 0;
            if (withInput) {
                args[i++] = input;
            }
            if (withContext) {
                args[i] = context;
            }
            return invoke(method, instance, args);
        }
    }

    /** A stream handler method behind the {@link RequestStreamHandler} interface, for the same reason as {@link PojoMethod}. */
    static final class StreamMethod implements RequestStreamHandler {
        private final Method method;
        private final Object instance;
        private final boolean withInput;
        private final boolean withOutput;
        private final boolean withContext;

        StreamMethod(Method method, Object instance, boolean withInput, boolean withOutput, boolean withContext) {
            this.method = method;
            this.instance = instance;
            this.withInput = withInput;
            this.withOutput = withOutput;
            this.withContext = withContext;
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) {
            InvocationHandOff.annotateTracerSpan(); // inside the agent's SERVER span, if there is one
            Object[] args = new Object[(withInput ? 1 : 0) + (withOutput ? 1 : 0) + (withContext ? 1 : 0)];
            int i = 0;
            if (withInput) {
                args[i++] = input;
            }
            if (withOutput) {
                args[i++] = output;
            }
            if (withContext) {
                args[i] = context;
            }
            invoke(method, instance, args);
        }
    }

    /**
     * A {@link RequestHandler} class behind tracex's own implementer, used only when the OpenTelemetry agent is told
     * not to instrument the class ({@link AgentExcludedClasses}): the agent's SERVER span then starts here, around
     * tracex's code, which puts the extraction's outcome on it. Were the class instrumented too, the agent would
     * start a second SERVER span in it (its advice has no guard against nested handlers).
     */
    static final class PojoClass implements RequestHandler<Object, Object> {
        private final RequestHandler<Object, Object> handler;

        PojoClass(RequestHandler<Object, Object> handler) {
            this.handler = handler;
        }

        @Override
        public Object handleRequest(Object input, Context context) {
            InvocationHandOff.annotateTracerSpan(); // inside the agent's SERVER span, if there is one
            return handler.handleRequest(input, context);
        }
    }

    /** A {@link RequestStreamHandler} class behind tracex's own implementer, for the same reason as {@link PojoClass}. */
    static final class StreamClass implements RequestStreamHandler {
        private final RequestStreamHandler handler;

        StreamClass(RequestStreamHandler handler) {
            this.handler = handler;
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            InvocationHandOff.annotateTracerSpan(); // inside the agent's SERVER span, if there is one
            handler.handleRequest(input, output, context);
        }
    }

    private static Object invoke(Method m, Object instance, Object[] args) {
        try {
            return m.invoke(instance, args);
        } catch (InvocationTargetException e) {
            throw Sneaky.rethrow(e.getCause() == null ? e : e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + m + ": " + e.getMessage(), e);
        }
    }

    private static Object instantiate(String spec, Class<?> cls) {
        Constructor<?> c;
        try {
            c = cls.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("DD_LAMBDA_HANDLER=" + spec + ": class " + cls.getName()
                    + (cls.getEnclosingClass() != null && !Modifier.isStatic(cls.getModifiers())
                    ? " is a non-static inner class" : " has no public zero-argument constructor"), e);
        }
        try {
            return c.newInstance();
        } catch (InvocationTargetException e) {
            // The user's constructor failed: that is the user's error, unchanged, failing the init.
            throw Sneaky.rethrow(e.getCause() == null ? e : e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("DD_LAMBDA_HANDLER=" + spec + ": cannot instantiate " + cls.getName()
                    + ": " + e, e);
        }
    }

    /**
     * The actual type arguments with which {@code cls} implements {@code iface}, following superclasses
     * and superinterfaces and substituting type variables bound on the way; {@code null} if not found.
     */
    static Type[] typeArguments(Class<?> cls, Class<?> iface) {
        return find(cls, iface, Map.of());
    }

    private static Type[] find(Type type, Class<?> iface, Map<TypeVariable<?>, Type> bound) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> here = new HashMap<>();
        if (type instanceof ParameterizedType) {
            ParameterizedType pt = (ParameterizedType) type;
            raw = (Class<?>) pt.getRawType();
            TypeVariable<?>[] vars = raw.getTypeParameters();
            Type[] args = pt.getActualTypeArguments();
            for (int i = 0; i < vars.length; i++) {
                here.put(vars[i], substitute(args[i], bound));
            }
        } else if (type instanceof Class) {
            raw = (Class<?>) type;
        } else {
            return null;
        }
        if (raw == iface) {
            return Arrays.stream(raw.getTypeParameters()).map(v -> here.getOrDefault(v, v)).toArray(Type[]::new);
        }
        for (Type i : raw.getGenericInterfaces()) {
            Type[] r = find(i, iface, here);
            if (r != null) {
                return r;
            }
        }
        Type sup = raw.getGenericSuperclass();
        return sup == null ? null : find(sup, iface, here);
    }

    private static Type substitute(Type t, Map<TypeVariable<?>, Type> bound) {
        return t instanceof TypeVariable ? bound.getOrDefault(t, t) : t;
    }

    /** A stream handler: the event's bytes in, its bytes out, untouched. */
    public static final class Stream extends HandlerTarget {
        private final RequestStreamHandler handler;

        public Stream(String spec, RequestStreamHandler handler) {
            super(spec);
            this.handler = Objects.requireNonNull(handler);
        }

        @Override
        public void handle(byte[] event, OutputStream out, Context context) throws IOException {
            handler.handleRequest(new ByteArrayInputStream(event), out, context);
        }
    }

    /** A typed handler: the event deserialized for its input type, the result serialized for its output type. */
    static final class Pojo extends HandlerTarget {
        private final PojoSerializer<Object> in;
        private final PojoSerializer<Object> out;
        private final RequestHandler<Object, Object> handler;

        Pojo(String spec, Type input, Type output, ClassLoader loader, RequestHandler<Object, Object> handler) {
            super(spec);
            this.in = input == null ? null : RuntimeSerializers.forType(input, loader);
            this.out = isVoid(output) ? null : RuntimeSerializers.forType(output, loader);
            this.handler = Objects.requireNonNull(handler);
        }

        private static boolean isVoid(Type t) {
            return t == void.class || t == Void.class;
        }

        @Override
        public void handle(byte[] event, OutputStream output, Context context) throws IOException {
            Object input;
            try {
                input = in == null ? null : in.fromJson(new ByteArrayInputStream(event));
            } catch (RuntimeException e) {
                // The same failure the runtime reports for an event that does not fit the input type.
                throw new RuntimeException("An error occurred during JSON parsing", e);
            }
            Object result = handler.handleRequest(input, context);
            if (out == null) {
                output.write(JSON_NULL);
            } else {
                out.toJson(result, output);
            }
        }
    }
}
