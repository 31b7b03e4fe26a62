package dev.tracex.engine.internal.jscompile;

import dev.tracex.engine.internal.script.JsBase64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled expression of the subset. {@code eval} reads the call's frame (parameters and bindings by slot) and
 * returns a value of {@link JsValues}' model; it throws {@link JsThrow} where JavaScript throws. Each node prints
 * as the snippet's construct, for plans.
 */
sealed interface JsExpr {
    Object eval(Object[] frame);

    /** A literal, or a constant folded at compile time ({@code -1}, {@code Number()}). */
    record Constant(Object value) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            return value;
        }

        @Override
        public String toString() {
            return value instanceof String ? "'" + value + "'" : JsValues.toStr(value);
        }
    }

    /**
     * Arguments evaluated for what they may throw, their values discarded: {@code JSON.stringify(x)} as a console
     * argument (the text goes nowhere). Gives {@code undefined}.
     */
    record Stringify(JsExpr[] arguments) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            for (JsExpr a : arguments) {
                a.eval(frame);
            }
            return JsValues.UNDEFINED;
        }

        @Override
        public String toString() {
            return "JSON.stringify(" + String.join(", ", Arrays.stream(arguments).map(Object::toString).toList()) + ")";
        }
    }

    /** A parameter or a {@code const}/{@code let}/{@code var} binding. */
    record Local(String name, int slot) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            return frame[slot];
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One property read of a chain: {@code .key}, {@code [key]}, {@code ?.key}, {@code ?.[key]}. */
    record Link(String key, int index, boolean optional, int offset) {
        @Override
        public String toString() {
            return (optional ? "?." : ".") + key;
        }
    }

    /**
     * Property reads after a base: an optional link whose target is {@code null} or {@code undefined} makes the
     * whole chain {@code undefined}, as JavaScript's optional chaining does; any other read of them throws.
     */
    record Chain(JsExpr base, Link[] links) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            Object v = base.eval(frame);
            for (Link l : links) {
                if (l.optional && JsValues.isNullish(v)) {
                    return JsValues.UNDEFINED;
                }
                v = JsValues.get(v, l.key, l.index, l.offset);
            }
            return v;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(base.toString());
            Arrays.stream(links).forEach(b::append);
            return b.toString();
        }
    }

    record Or(JsExpr left, JsExpr right) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            Object l = left.eval(frame);
            return JsValues.truthy(l) ? l : right.eval(frame);
        }

        @Override
        public String toString() {
            return "(" + left + " || " + right + ")";
        }
    }

    record And(JsExpr left, JsExpr right) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            Object l = left.eval(frame);
            return JsValues.truthy(l) ? right.eval(frame) : l;
        }

        @Override
        public String toString() {
            return "(" + left + " && " + right + ")";
        }
    }

    record Coalesce(JsExpr left, JsExpr right) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            Object l = left.eval(frame);
            return JsValues.isNullish(l) ? right.eval(frame) : l;
        }

        @Override
        public String toString() {
            return "(" + left + " ?? " + right + ")";
        }
    }

    record Conditional(JsExpr test, JsExpr then, JsExpr otherwise) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            return JsValues.truthy(test.eval(frame)) ? then.eval(frame) : otherwise.eval(frame);
        }

        @Override
        public String toString() {
            return "(" + test + " ? " + then + " : " + otherwise + ")";
        }
    }

    record Not(JsExpr operand) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            return !JsValues.truthy(operand.eval(frame));
        }

        @Override
        public String toString() {
            return "!" + operand;
        }
    }

    record TypeOf(JsExpr operand) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            return JsValues.typeOf(operand.eval(frame));
        }

        @Override
        public String toString() {
            return "typeof " + operand;
        }
    }

    /**
     * A comparison with a literal: {@code ===}/{@code !==} with any literal; {@code ==}/{@code !=} only with
     * {@code null} or {@code undefined}, where it means "is null or undefined" (the parser refuses the others,
     * whose coercions the subset does not reproduce).
     */
    record Compare(JsExpr operand, Object literal, boolean strict, boolean negated) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            Object v = operand.eval(frame);
            boolean equal = strict ? JsValues.strictEquals(v, literal) : JsValues.isNullish(v);
            return equal != negated;
        }

        @Override
        public String toString() {
            return "(" + operand + (negated ? " !=" : " ==") + (strict ? "= " : " ") + new Constant(literal) + ")";
        }
    }

    /** {@code parseInt(x)}, {@code parseInt(x, 10)}, {@code parseInt(x, 16)}; radix 0 for none. */
    record ParseInt(JsExpr argument, int radix) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            return JsNumbers.parseInt(JsValues.toStr(argument.eval(frame)), radix);
        }

        @Override
        public String toString() {
            return "parseInt(" + argument + (radix == 0 ? ")" : ", " + radix + ")");
        }
    }

    record ToNumber(JsExpr argument) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            return JsValues.toNumber(argument.eval(frame));
        }

        @Override
        public String toString() {
            return "Number(" + argument + ")";
        }
    }

    record ToStr(JsExpr argument) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            return JsValues.toStr(argument.eval(frame));
        }

        @Override
        public String toString() {
            return "String(" + argument + ")";
        }
    }

    /** {@code JSON.parse(x)}: text that is not JSON throws a {@code SyntaxError}. */
    record JsonParse(JsExpr argument, int offset) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            return JsonParseValues.parse(JsValues.toStr(argument.eval(frame)), offset);
        }

        @Override
        public String toString() {
            return "JSON.parse(" + argument + ")";
        }
    }

    /**
     * {@code Buffer.from(x, 'base64').toString()} (or {@code 'base64url'}; {@code toString} in {@code 'utf8'},
     * {@code 'latin1'}, {@code 'ascii'} or {@code 'hex'}): Node's lenient decoding of a string, its bytes as text. Anything but a string is a {@code TypeError} (Node
     * throws too, but for arrays and objects with a {@code length}, which it reads as bytes).
     */
    record Base64Text(JsExpr argument, String encoding, String text, int offset) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            Object v = argument.eval(frame);
            if (!(v instanceof String)) {
                throw new JsThrow("TypeError", offset, "Buffer.from of " + JsValues.typeOf(v) + ", not a string");
            }
            String bytes = JsBase64.buffer((String) v);
            return text == null ? JsBase64.utf8(bytes) : JsBase64.text(bytes, text);
        }

        @Override
        public String toString() {
            return "Buffer.from(" + argument + ", '" + encoding + "').toString(" + (text == null ? "" : "'" + text + "'") + ")";
        }
    }

    /** {@code atob(x)}: the bytes of {@code String(x)}'s base64 as a "binary string", or an {@code InvalidCharacterError}. */
    record Atob(JsExpr argument, int offset) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            String s = JsValues.toStr(argument.eval(frame));
            String bytes = JsBase64.atob(s);
            if (bytes == null) {
                throw new JsThrow("InvalidCharacterError", offset, JsBase64.atobError(s));
            }
            return bytes;
        }

        @Override
        public String toString() {
            return "atob(" + argument + ")";
        }
    }

    /** A template literal: its cooked strings with each substitution's ToString between them. */
    record Template(String[] strings, JsExpr[] substitutions) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            StringBuilder b = new StringBuilder(strings[0]);
            for (int i = 0; i < substitutions.length; i++) {
                b.append(JsValues.toStr(substitutions[i].eval(frame))).append(strings[i + 1]);
            }
            return b.toString();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("`").append(strings[0]);
            for (int i = 0; i < substitutions.length; i++) {
                b.append("${").append(substitutions[i]).append('}').append(strings[i + 1]);
            }
            return b.append('`').toString();
        }
    }

    /**
     * An object literal, {@code {k: v, ...}}: its keys and values, read as an object's own properties (the parser
     * refuses keys JavaScript would order or treat apart: integer-like ones, {@code __proto__}).
     */
    record ObjectResult(String[] keys, JsExpr[] values, int[] known) implements JsExpr {
        ObjectResult(String[] keys, JsExpr[] values) {
            this(keys, values, ReturnedObject.known(keys));
        }

        @Override
        public Object eval(Object[] frame) {
            Object[] out = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i].eval(frame); // every value, in order: any of them may throw, as in JS
            }
            return new ReturnedObject(keys, out, known);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("{");
            for (int i = 0; i < keys.length; i++) {
                b.append(i == 0 ? "" : ", ").append(keys[i]).append(": ").append(values[i]);
            }
            return b.append('}').toString();
        }
    }

    /** An array literal, {@code [a, b, c]}: a JS array (a {@link List}). */
    record ArrayResult(JsExpr[] values) implements JsExpr {
        @Override
        public Object eval(Object[] frame) {
            List<Object> out = new ArrayList<>(values.length);
            for (JsExpr v : values) {
                out.add(v.eval(frame));
            }
            return out;
        }

        @Override
        public String toString() {
            return List.of(values).toString();
        }
    }
}
