package dev.tracex.engine.internal.jscompile;

/**
 * A compiled statement of a function body: a binding or assignment, an {@code if}, a {@code try}, a {@code return} or
 * a block. {@code run}
 * gives the returned value, or {@link #NEXT} when control goes on to the next statement.
 */
sealed interface JsStatement {
    Object NEXT = new Object();

    Object run(Object[] frame);

    /** {@code const x = ...} (also {@code let} and {@code var}): a slot of the frame. */
    record Bind(String name, int slot, JsExpr value) implements JsStatement {
        @Override
        public Object run(Object[] frame) {
            frame[slot] = value.eval(frame);
            return NEXT;
        }

        @Override
        public String toString() {
            return "const " + name + " = " + value + ";";
        }
    }

    /** {@code x = ...} of a {@code let} or {@code var} binding, or of a parameter. */
    record Assign(String name, int slot, JsExpr value) implements JsStatement {
        @Override
        public Object run(Object[] frame) {
            frame[slot] = value.eval(frame);
            return NEXT;
        }

        @Override
        public String toString() {
            return name + " = " + value + ";";
        }
    }

    /** {@code console.log(a, b)}: the arguments evaluated in order, the output discarded as tracex discards it. */
    record Evaluate(JsExpr[] arguments) implements JsStatement {
        @Override
        public Object run(Object[] frame) {
            for (JsExpr a : arguments) {
                a.eval(frame);
            }
            return NEXT;
        }

        @Override
        public String toString() {
            return "console.log(" + String.join(", ", java.util.Arrays.stream(arguments).map(Object::toString).toList()) + ");";
        }
    }

    record If(JsExpr test, JsStatement then, JsStatement otherwise) implements JsStatement {
        @Override
        public Object run(Object[] frame) {
            if (JsValues.truthy(test.eval(frame))) {
                return then.run(frame);
            }
            return otherwise == null ? NEXT : otherwise.run(frame);
        }

        @Override
        public String toString() {
            return "if " + test + " " + then + (otherwise == null ? "" : " else " + otherwise);
        }
    }

    /**
     * {@code try {...} catch {...}}: catches what JS would, the subset's throws and a stack overflow (JS's
     * {@code RangeError} of a too deep array's ToString).
     */
    record Try(JsStatement body, JsStatement handler) implements JsStatement {
        @Override
        public Object run(Object[] frame) {
            try {
                return body.run(frame);
            } catch (JsThrow | StackOverflowError e) {
                return handler.run(frame);
            }
        }

        @Override
        public String toString() {
            return "try " + body + " catch " + handler;
        }
    }

    record Block(JsStatement[] body) implements JsStatement {
        @Override
        public Object run(Object[] frame) {
            for (JsStatement s : body) {
                Object r = s.run(frame);
                if (r != NEXT) {
                    return r;
                }
            }
            return NEXT;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("{");
            for (JsStatement s : body) {
                b.append(' ').append(s);
            }
            return b.append(" }").toString();
        }
    }

    record Return(JsExpr value) implements JsStatement {
        @Override
        public Object run(Object[] frame) {
            return value.eval(frame);
        }

        @Override
        public String toString() {
            return "return " + value + ";";
        }
    }
}
