package dev.tracex.engine.internal.jscompile;

import dev.tracex.engine.internal.jscompile.JsLexer.Kind;
import dev.tracex.engine.internal.jscompile.JsLexer.Token;
import dev.tracex.engine.internal.script.JsBase64;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser of the subset that compiles as it parses: scopes are resolved to frame slots, calls
 * to the few known functions, comparisons to literals. It never guesses: any token it does not expect ends the
 * attempt with {@link OutsideSubset} naming that token, and the snippet runs on GraalJS, which also reports real
 * syntax errors. Nesting and size are bounded, so a hostile snippet cannot exhaust the stack here or at run time.
 */
final class JsSubsetParser {
    /** How deep expressions and statements may nest, and how many nodes one snippet may have. */
    static final int MAX_DEPTH = 64;
    static final int MAX_NODES = 4_000;
    /** The slot of a {@code catch} binding, which has no value in the subset. */
    private static final int CAUGHT = -1;

    /**
     * Names JavaScript finds on the prototypes of objects, arrays, strings, numbers and booleans (GraalJS 25's
     * own property names of those prototypes): a read of one may give a function, which the subset has no value
     * for, so such reads are left to GraalJS. {@code length} is handled (strings, arrays, own properties).
     */
    static final Set<String> PROTOTYPE_NAMES = Set.of(("__proto__ constructor hasOwnProperty isPrototypeOf "
            + "propertyIsEnumerable toLocaleString toString valueOf __defineGetter__ __defineSetter__ __lookupGetter__ "
            + "__lookupSetter__ push pop slice shift unshift concat indexOf lastIndexOf join splice every filter forEach "
            + "some map sort reduce reduceRight reverse find findIndex fill copyWithin keys values entries includes flat "
            + "flatMap at findLast findLastIndex toReversed toSorted toSpliced with charAt charCodeAt localeCompare "
            + "match replace search split substring toLowerCase toLocaleLowerCase toUpperCase toLocaleUpperCase trim "
            + "substr anchor big blink bold fixed fontcolor fontsize italics link small strike sub sup startsWith "
            + "endsWith repeat codePointAt normalize padStart padEnd matchAll replaceAll isWellFormed toWellFormed "
            + "trimStart trimEnd trimLeft trimRight toExponential toFixed toPrecision").split(" "));

    /** The global object's names in tracex's GraalJS context (its harness's included); a module function declared with one is not exported. */
    static final Set<String> GLOBAL_NAMES = Set.of(("Object Function Array String Date Number Boolean RegExp Math JSON "
            + "NaN Infinity undefined isNaN isFinite parseFloat parseInt encodeURI encodeURIComponent decodeURI "
            + "decodeURIComponent eval escape unescape Error EvalError RangeError ReferenceError SyntaxError TypeError "
            + "URIError AggregateError ArrayBuffer Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array "
            + "Int32Array Uint32Array Float32Array Float64Array BigInt64Array BigUint64Array Float16Array DataView "
            + "BigInt Map Set WeakMap WeakSet Symbol Reflect Proxy Promise Iterator SharedArrayBuffer Atomics "
            + "globalThis WeakRef FinalizationRegistry Graal Intl load loadWithNewGlobal console print printErr "
            + "arguments require module exports Buffer atob").split(" "));

    private static final Set<String> RESERVED = Set.of(("break case catch class const continue debugger default "
            + "delete do else export extends finally for function if import in instanceof new return super switch "
            + "this throw try typeof var void while with yield let static implements interface package private "
            + "protected public await async enum true false null arguments eval").split(" "));

    /** A compiled function: its body and how many frame slots a call needs. */
    record Function(JsStatement body, int params, int frameSize, String text) {
    }

    private static final class Scope {
        final Map<String, Integer> names = new HashMap<>();
        /** The {@code const} names among them: an assignment to one is a TypeError in JS, refused here. */
        final Set<String> constants = new HashSet<>();
        /** Names resolved through this scope to an outer one: declaring one later would be a use before declaration. */
        final Set<String> passedThrough = new HashSet<>();
        final boolean functionTop;

        Scope(boolean functionTop) {
            this.functionTop = functionTop;
        }
    }

    private final String src;
    private JsLexer lexer;
    private Token tok;
    private Token ahead;
    private final List<Scope> scopes = new ArrayList<>();
    private int nextSlot;
    private int frameSize;
    private int depth;
    private int nodes;
    /** Whether a {@code JSON.stringify} may start here: at the start of a console argument. */
    private boolean stringifyHere;

    private JsSubsetParser(String src) throws OutsideSubset {
        this.src = src;
        this.lexer = new JsLexer(src, 0, src.length());
        this.tok = lexer.next();
    }

    /** A {@code js:} snippet: one function expression, possibly parenthesised, and nothing else. */
    static Function snippet(String src) throws OutsideSubset {
        JsSubsetParser p = new JsSubsetParser(src);
        if (p.tok.is("function") || p.tok.is("async") && p.peek().is("function") && !p.peek().newlineBefore()) {
            // At the start of a script this is a declaration, which evaluates to nothing: GraalJS says so.
            throw new OutsideSubset("a function declaration", p.tok.offset());
        }
        Function f = p.functionExpression();
        if (p.tok.is(";")) {
            p.advance();
        }
        p.expectEnd();
        return f;
    }

    /**
     * A Node-style module whose every top-level statement is an export of a function ({@code exports.x = ...},
     * {@code module.exports.x = ...}, {@code module.exports = {...}}) or a function declaration; its rules by name,
     * in the order the GraalJS harness finds them.
     */
    static Map<String, Function> module(String src) throws OutsideSubset {
        JsSubsetParser p = new JsSubsetParser(src);
        Map<String, Function> declared = new LinkedHashMap<>();
        Map<String, Object> exported = new LinkedHashMap<>(); // name -> Function, or the declaration's name (String)
        boolean literal = false;
        boolean assigned = false;
        while (p.tok.kind() != Kind.EOF) {
            Token start = p.tok;
            if (p.asyncFunction()) {
                p.advance(); // an async function declaration: see functionExpression
            }
            if (p.tok.is("function")) {
                p.advance();
                String name = p.identifierName("a function name");
                if (declared.containsKey(name) || GLOBAL_NAMES.contains(name)) {
                    throw new OutsideSubset("a function declared twice or named like a global", start.offset());
                }
                declared.put(name, p.functionRest(false));
                continue;
            }
            if (p.tok.is("exports") || p.tok.is("module")) {
                boolean viaModule = p.tok.is("module");
                p.advance();
                if (viaModule) {
                    p.expect(".");
                    p.expect("exports");
                }
                if (viaModule && p.tok.is("=")) {
                    if (literal || assigned) {
                        throw new OutsideSubset("module.exports assigned after other exports", start.offset());
                    }
                    literal = true;
                    p.advance();
                    p.exportsLiteral(exported);
                } else {
                    if (literal) {
                        throw new OutsideSubset("exports after module.exports was assigned", start.offset());
                    }
                    assigned = true;
                    p.expect(".");
                    String name = p.identifierName("an export name");
                    p.expect("=");
                    if (exported.containsKey(name)) {
                        throw new OutsideSubset("an export assigned twice", start.offset());
                    }
                    exported.put(name, p.functionExpression());
                }
                p.statementEnd();
                continue;
            }
            throw new OutsideSubset(p.describe(p.tok) + " at the top of the module", p.tok.offset());
        }
        Map<String, Function> rules = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : exported.entrySet()) {
            Object v = e.getValue();
            Function f = v instanceof Function ? (Function) v : declared.get((String) v);
            if (f == null) {
                throw new OutsideSubset("an export of something other than a function", 0);
            }
            rules.put(e.getKey(), f);
        }
        return rules.isEmpty() ? declared : rules;
    }

    private void exportsLiteral(Map<String, Object> exported) throws OutsideSubset {
        expect("{");
        while (!tok.is("}")) {
            Token keyToken = tok;
            String key = propertyKey();
            if (exported.containsKey(key)) {
                throw new OutsideSubset("an export named twice", keyToken.offset());
            }
            if (tok.is(":")) {
                advance();
                if (tok.kind() == Kind.IDENT && !tok.is("function") && !tok.is("async") && !peek().is("=>")) {
                    exported.put(key, identifierName("a function name"));
                } else {
                    exported.put(key, functionExpression());
                }
            } else if (keyToken.kind() == Kind.IDENT) {
                exported.put(key, key); // shorthand: a declared function
            } else {
                throw new OutsideSubset(describe(tok), tok.offset());
            }
            if (!tok.is("}")) {
                expect(",");
            }
        }
        advance();
    }

    // ---- functions and statements ----

    /**
     * An arrow function or {@code function} expression, possibly in parentheses, possibly {@code async}. An async
     * function of the subset never awaits ({@code await} is not in it): its promise is settled when it returns, with
     * the value it returns or the error it throws, and tracex, which awaits a returned promise, reads the same result.
     */
    private Function functionExpression() throws OutsideSubset {
        if (tok.is("(") && (peek().is("(") || peek().is("function") || peek().is("async"))) {
            advance();
            Function f = functionExpression();
            expect(")");
            return f;
        }
        if (tok.is("async") && !peek().newlineBefore() && (peek().is("function") || peek().is("(")
                || peek().kind() == Kind.IDENT && !RESERVED.contains(peek().text()))) {
            advance();
        }
        if (tok.is("function")) {
            advance();
            if (tok.kind() == Kind.IDENT) {
                identifierName("a function name"); // a named function expression: the name is its own binding
            }
            return functionRest(false);
        }
        return functionRest(true);
    }

    /** Whether an {@code async function} starts here. */
    private boolean asyncFunction() throws OutsideSubset {
        return tok.is("async") && peek().is("function") && !peek().newlineBefore();
    }

    /** Parameters and body; {@code arrow} for {@code (a, b) => ...} and {@code a => ...}. */
    private Function functionRest(boolean arrow) throws OutsideSubset {
        int start = tok.offset();
        if (nextSlot != 0 || !scopes.isEmpty()) {
            throw new OutsideSubset("a nested function", start);
        }
        Scope top = new Scope(true);
        scopes.add(top);
        int params = 0;
        if (arrow && tok.kind() == Kind.IDENT) {
            declare(identifierName("a parameter"), tok.offset());
            params = 1;
        } else {
            expect("(");
            while (!tok.is(")")) {
                int at = tok.offset();
                declare(identifierName("a parameter"), at);
                params++;
                if (!tok.is(")")) {
                    expect(",");
                }
            }
            advance();
        }
        JsStatement body;
        if (arrow) {
            if (!tok.is("=>") || tok.newlineBefore()) {
                throw new OutsideSubset(describe(tok), tok.offset());
            }
            advance();
            body = tok.is("{") ? block(top) : new JsStatement.Return(returnValue());
        } else {
            body = block(top);
        }
        int end = tok.offset();
        Function f = new Function(body, params, Math.max(frameSize, 2), src.substring(start, Math.min(end, src.length())).strip());
        scopes.clear();
        nextSlot = 0;
        frameSize = 0;
        return f;
    }

    /** {@code { statements }}; {@code scope} is the function's own for its body, else a new block scope. */
    private JsStatement block(Scope scope) throws OutsideSubset {
        expect("{");
        boolean own = scope == null;
        if (own) {
            scopes.add(new Scope(false));
        }
        int slotsBefore = nextSlot;
        List<JsStatement> body = new ArrayList<>();
        while (!tok.is("}")) {
            if (tok.kind() == Kind.EOF) {
                throw new OutsideSubset("an unclosed block", tok.offset());
            }
            JsStatement s = statement(true);
            if (s != null) {
                body.add(s);
            }
        }
        advance();
        if (own) {
            scopes.remove(scopes.size() - 1);
            nextSlot = slotsBefore; // a sibling block may reuse the slots
        }
        return new JsStatement.Block(body.toArray(new JsStatement[0]));
    }

    /** One statement, or {@code null} for an empty one; {@code declarations}: whether a binding may stand here. */
    private JsStatement statement(boolean declarations) throws OutsideSubset {
        enter();
        try {
            Token start = tok;
            if (tok.is("{")) {
                return block(null);
            }
            if (tok.is(";")) {
                advance();
                return null;
            }
            if (tok.is("const") || tok.is("let") || tok.is("var")) {
                if (!declarations || (tok.is("var") && !scope().functionTop)) {
                    throw new OutsideSubset("a declaration here", start.offset());
                }
                return declarations();
            }
            if (tok.is("if")) {
                advance();
                expect("(");
                JsExpr test = expression();
                expect(")");
                JsStatement then = orEmpty(statement(false));
                JsStatement otherwise = null;
                if (tok.is("else")) {
                    advance();
                    otherwise = orEmpty(statement(false));
                }
                return node(new JsStatement.If(test, then, otherwise));
            }
            if (tok.is("try")) {
                return tryStatement();
            }
            if (tok.is("console") && peek().is(".")) {
                return console();
            }
            if (tok.kind() == Kind.IDENT && !RESERVED.contains(tok.text()) && peek().is("=")) {
                return assignment();
            }
            if (tok.is("return")) {
                advance();
                if (tok.is(";") || tok.is("}") || tok.kind() == Kind.EOF || tok.newlineBefore()) {
                    statementEnd();
                    return new JsStatement.Return(new JsExpr.Constant(JsValues.UNDEFINED));
                }
                JsExpr value = returnValue();
                statementEnd();
                return node(new JsStatement.Return(value));
            }
            throw new OutsideSubset("a statement starting with " + describe(tok), tok.offset());
        } finally {
            depth--;
        }
    }

    /**
     * {@code try {...} catch (e) {...}} (or {@code catch {...}}): what the subset throws where JS throws is caught,
     * as JS catches it. The caught error is no value of the subset: a read of it leaves the subset. No {@code finally}.
     */
    private JsStatement tryStatement() throws OutsideSubset {
        advance();
        JsStatement body = block(null);
        if (!tok.is("catch")) {
            throw new OutsideSubset(tok.is("finally") ? "a finally block" : describe(tok) + " where 'catch' was expected", tok.offset());
        }
        advance();
        Scope handlerScope = new Scope(false);
        if (tok.is("(")) {
            advance();
            int at = tok.offset();
            if (tok.kind() != Kind.IDENT) {
                throw new OutsideSubset(tok.is("{") || tok.is("[") ? "destructuring" : describe(tok), at);
            }
            handlerScope.names.put(identifierName("a catch binding"), CAUGHT);
            expect(")");
        }
        scopes.add(handlerScope);
        int slotsBefore = nextSlot;
        JsStatement handler = block(handlerScope); // the binding and the block's names share a scope, as in JS
        scopes.remove(scopes.size() - 1);
        nextSlot = slotsBefore;
        if (tok.is("finally")) {
            throw new OutsideSubset("a finally block", tok.offset());
        }
        return node(new JsStatement.Try(body, handler));
    }

    /**
     * {@code console.log(...)} (also {@code info}, {@code warn}, {@code error}, {@code debug}) as a statement: tracex
     * discards console output, so only the arguments' evaluation is left, which may throw. An argument may be
     * {@code JSON.stringify(x)} as a whole, whose text is discarded too: for the values of the subset (no functions,
     * no cycles, no BigInt) it never throws, so only {@code x} is evaluated.
     */
    private JsStatement console() throws OutsideSubset {
        Token start = tok;
        if (lookup("console", start.offset()) != null) {
            throw new OutsideSubset("a binding named console", start.offset());
        }
        advance();
        advance();
        String method = identifierOrKeyword();
        if (!List.of("log", "info", "warn", "error", "debug").contains(method)) {
            throw new OutsideSubset("console." + method, start.offset());
        }
        expect("(");
        List<JsExpr> args = new ArrayList<>();
        while (!tok.is(")")) {
            if (tok.is("...")) {
                throw new OutsideSubset("a spread", tok.offset());
            }
            stringifyHere = tok.is("JSON");
            args.add(conditional());
            stringifyHere = false;
            if (!tok.is(")")) {
                expect(",");
            }
        }
        advance();
        statementEnd();
        return node(new JsStatement.Evaluate(args.toArray(new JsExpr[0])));
    }

    /** {@code name = value;} of a {@code let} or {@code var} binding or a parameter, as a statement. */
    private JsStatement assignment() throws OutsideSubset {
        Token target = tok;
        JsExpr local = lookup(target.text(), target.offset());
        if (local == null) {
            throw new OutsideSubset("an assignment to " + target.text() + ", which is not a binding", target.offset());
        }
        for (int i = scopes.size() - 1; i >= 0; i--) {
            if (scopes.get(i).names.containsKey(target.text())) {
                if (scopes.get(i).constants.contains(target.text())) {
                    throw new OutsideSubset("an assignment to a const", target.offset());
                }
                break;
            }
        }
        advance();
        advance();
        JsExpr value = expression();
        statementEnd();
        return node(new JsStatement.Assign(target.text(), ((JsExpr.Local) local).slot(), value));
    }

    private static JsStatement orEmpty(JsStatement s) {
        return s == null ? new JsStatement.Block(new JsStatement[0]) : s;
    }

    private JsStatement declarations() throws OutsideSubset {
        boolean constant = tok.is("const");
        advance();
        List<JsStatement> out = new ArrayList<>();
        while (true) {
            int at = tok.offset();
            if (tok.kind() != Kind.IDENT) {
                throw new OutsideSubset(tok.is("{") || tok.is("[") ? "destructuring" : describe(tok), at);
            }
            String name = identifierName("a binding name");
            JsExpr value;
            if (tok.is("=")) {
                advance();
                value = expression();
            } else if (constant) {
                throw new OutsideSubset("a binding without a value", at);
            } else {
                value = new JsExpr.Constant(JsValues.UNDEFINED); // `let x;`
            }
            // Declared after its value is parsed; `const a = a` reads the new, uninitialised binding in JS, which
            // declare() refuses as a use before declaration.
            int slot = declare(name, at);
            if (constant) {
                scope().constants.add(name);
            }
            out.add(node(new JsStatement.Bind(name, slot, value)));
            if (!tok.is(",")) {
                break;
            }
            advance();
        }
        statementEnd();
        return out.size() == 1 ? out.get(0) : new JsStatement.Block(out.toArray(new JsStatement[0]));
    }

    /** A return's value: an object or array literal (the result shapes), or any expression. */
    private JsExpr returnValue() throws OutsideSubset {
        if (tok.is("(") && (peek().is("{") || peek().is("["))) {
            advance();
            JsExpr literal = tok.is("{") ? objectLiteral() : arrayLiteral();
            expect(")");
            return literal;
        }
        if (tok.is("{")) {
            return objectLiteral();
        }
        if (tok.is("[")) {
            return arrayLiteral();
        }
        return expression();
    }

    private JsExpr objectLiteral() throws OutsideSubset {
        expect("{");
        List<String> keys = new ArrayList<>();
        List<JsExpr> values = new ArrayList<>();
        while (!tok.is("}")) {
            Token keyToken = tok;
            String key = propertyKey();
            if (keys.contains(key) || key.equals("__proto__")) {
                throw new OutsideSubset("a repeated or __proto__ key", keyToken.offset());
            }
            if (tok.is(":")) {
                advance();
                values.add(conditional());
            } else if (keyToken.kind() == Kind.IDENT && (tok.is(",") || tok.is("}"))) {
                values.add(name(keyToken.text(), keyToken.offset()));
            } else {
                throw new OutsideSubset(describe(tok), tok.offset());
            }
            keys.add(key);
            if (!tok.is("}")) {
                expect(",");
            }
        }
        advance();
        return node(new JsExpr.ObjectResult(keys.toArray(new String[0]), values.toArray(new JsExpr[0])));
    }

    /** An identifier or string key; numeric, computed, spread, method and accessor keys are not in the subset. */
    private String propertyKey() throws OutsideSubset {
        Token t = tok;
        if (t.kind() == Kind.STRING) {
            advance();
            if (JsValues.isArrayIndex(t.string())) {
                throw new OutsideSubset("an integer-like key", t.offset()); // JS orders those keys first
            }
            return t.string();
        }
        if (t.kind() == Kind.IDENT && !(t.text().equals("get") || t.text().equals("set") || t.text().equals("async"))
                || t.kind() == Kind.IDENT && (peek().is(":") || peek().is(",") || peek().is("}"))) {
            advance();
            if (tok.is("(")) {
                throw new OutsideSubset("a method", tok.offset());
            }
            return t.text();
        }
        throw new OutsideSubset(t.kind() == Kind.PUNCT && t.is("[") ? "a computed key" : describe(t), t.offset());
    }

    private JsExpr arrayLiteral() throws OutsideSubset {
        expect("[");
        List<JsExpr> values = new ArrayList<>();
        while (!tok.is("]")) {
            if (tok.is(",") || tok.is("...")) {
                throw new OutsideSubset(tok.is(",") ? "an array hole" : "a spread", tok.offset());
            }
            values.add(conditional());
            if (!tok.is("]")) {
                expect(",");
            }
        }
        advance();
        return node(new JsExpr.ArrayResult(values.toArray(new JsExpr[0])));
    }

    // ---- expressions ----

    private JsExpr expression() throws OutsideSubset {
        return conditional();
    }

    private JsExpr conditional() throws OutsideSubset {
        enter();
        try {
            JsExpr test = shortCircuit();
            if (!tok.is("?")) {
                return test;
            }
            advance();
            JsExpr then = conditional();
            expect(":");
            JsExpr otherwise = conditional();
            return node(new JsExpr.Conditional(test, then, otherwise));
        } finally {
            depth--;
        }
    }

    /** {@code ??} chains, or {@code ||} of {@code &&} chains; JS refuses mixing them without parentheses. */
    private JsExpr shortCircuit() throws OutsideSubset {
        JsExpr left = equality();
        if (tok.is("??")) {
            while (tok.is("??")) {
                advance();
                left = node(new JsExpr.Coalesce(left, equality()));
            }
            if (tok.is("||") || tok.is("&&")) {
                throw new OutsideSubset("?? mixed with || or && without parentheses", tok.offset());
            }
            return left;
        }
        left = andChain(left);
        while (tok.is("||")) {
            advance();
            left = node(new JsExpr.Or(left, andChain(equality())));
        }
        if (tok.is("??")) {
            throw new OutsideSubset("?? mixed with || or && without parentheses", tok.offset());
        }
        return left;
    }

    private JsExpr andChain(JsExpr left) throws OutsideSubset {
        while (tok.is("&&")) {
            advance();
            left = node(new JsExpr.And(left, equality()));
        }
        return left;
    }

    private JsExpr equality() throws OutsideSubset {
        JsExpr left = unary();
        while (tok.is("===") || tok.is("!==") || tok.is("==") || tok.is("!=")) {
            Token op = tok;
            advance();
            JsExpr right = unary();
            JsExpr operand;
            Object literal;
            if (right instanceof JsExpr.Constant) {
                operand = left;
                literal = ((JsExpr.Constant) right).value();
            } else if (left instanceof JsExpr.Constant) {
                operand = right;
                literal = ((JsExpr.Constant) left).value();
            } else {
                throw new OutsideSubset("a comparison of two non-literals", op.offset());
            }
            boolean strict = op.text().length() == 3;
            if (!strict && !JsValues.isNullish(literal)) {
                throw new OutsideSubset("== with a literal other than null or undefined", op.offset());
            }
            left = node(new JsExpr.Compare(operand, literal, strict, op.text().charAt(0) == '!'));
        }
        return left;
    }

    private JsExpr unary() throws OutsideSubset {
        enter();
        try {
            if (tok.is("!")) {
                advance();
                return node(new JsExpr.Not(unary()));
            }
            if (tok.is("typeof")) {
                advance();
                return node(new JsExpr.TypeOf(unary()));
            }
            if (tok.is("-") && peek().kind() == Kind.NUMBER) {
                advance();
                double v = tok.number();
                advance();
                if (tok.is(".") || tok.is("?.") || tok.is("[") || tok.is("(") || tok.is("**")) {
                    throw new OutsideSubset(describe(tok), tok.offset());
                }
                return node(new JsExpr.Constant(-v));
            }
            return postfix();
        } finally {
            depth--;
        }
    }

    private JsExpr postfix() throws OutsideSubset {
        int start = tok.offset(); // GraalJS places a failed read at the start of the whole member expression
        JsExpr base = primary();
        List<JsExpr.Link> links = new ArrayList<>();
        while (true) {
            int at = tok.offset();
            if (tok.is(".")) {
                advance();
                links.add(link(identifierOrKeyword(), -1, false, start));
            } else if (tok.is("?.")) {
                advance();
                if (tok.is("[")) {
                    links.add(bracket(true, start));
                } else if (tok.is("(")) {
                    throw new OutsideSubset("an optional call", at);
                } else {
                    links.add(link(identifierOrKeyword(), -1, true, start));
                }
            } else if (tok.is("[")) {
                links.add(bracket(false, start));
            } else if (tok.is("(")) {
                throw new OutsideSubset("a call of " + (links.isEmpty() ? base : new JsExpr.Chain(base, links.toArray(new JsExpr.Link[0]))), at);
            } else if (tok.kind() == Kind.TEMPLATE) {
                throw new OutsideSubset("a tagged template", at);
            } else {
                break;
            }
            if (links.size() > MAX_DEPTH) {
                throw new OutsideSubset("a chain of more than " + MAX_DEPTH + " reads", at);
            }
        }
        return links.isEmpty() ? base : node(new JsExpr.Chain(base, links.toArray(new JsExpr.Link[0])));
    }

    private JsExpr.Link bracket(boolean optional, int at) throws OutsideSubset {
        expect("[");
        Token key = tok;
        JsExpr.Link l;
        if (key.kind() == Kind.STRING) {
            l = link(key.string(), -1, optional, at);
        } else if (key.kind() == Kind.NUMBER && key.number() == Math.rint(key.number()) && key.number() >= 0
                && key.number() < Integer.MAX_VALUE) {
            int i = (int) key.number();
            l = link(Integer.toString(i), i, optional, at);
        } else {
            throw new OutsideSubset("a computed property read", key.offset());
        }
        advance();
        expect("]");
        return l;
    }

    private static JsExpr.Link link(String key, int index, boolean optional, int at) throws OutsideSubset {
        if (PROTOTYPE_NAMES.contains(key)) {
            throw new OutsideSubset("a read of \"" + key + "\" (a prototype member)", at);
        }
        if (index < 0 && JsValues.isArrayIndex(key) && Long.parseLong(key) < Integer.MAX_VALUE) {
            index = Integer.parseInt(key); // larger indexes are past the end of any array or string here
        }
        return new JsExpr.Link(key, index, optional, at);
    }

    private JsExpr primary() throws OutsideSubset {
        Token t = tok;
        switch (t.kind()) {
            case NUMBER:
                advance();
                return node(new JsExpr.Constant(t.number()));
            case STRING:
                advance();
                return node(new JsExpr.Constant(t.string()));
            case TEMPLATE:
                advance();
                return template(t);
            case IDENT:
                advance();
                return identifier(t);
            default:
                break;
        }
        if (t.is("(")) {
            advance();
            JsExpr inner = expression();
            expect(")");
            return inner;
        }
        if (t.is("{")) {
            return objectLiteral(); // a value: `event.headers || {}`, `const result = {...}`
        }
        if (t.is("[")) {
            return arrayLiteral();
        }
        throw new OutsideSubset(describe(t), t.offset());
    }

    private JsExpr template(Token t) throws OutsideSubset {
        JsExpr[] subs = new JsExpr[t.substitutions().size()];
        for (int i = 0; i < subs.length; i++) {
            int[] range = t.substitutions().get(i);
            JsLexer outerLexer = lexer;
            Token outerTok = tok;
            Token outerAhead = ahead;
            lexer = new JsLexer(src, range[0], range[1]);
            ahead = null;
            tok = lexer.next();
            subs[i] = expression();
            expectEnd();
            lexer = outerLexer;
            tok = outerTok;
            ahead = outerAhead;
        }
        return node(new JsExpr.Template(t.parts().toArray(new String[0]), subs));
    }

    /** A name in an expression: a binding, a literal name, or one of the known functions called. */
    private JsExpr identifier(Token t) throws OutsideSubset {
        String n = t.text();
        boolean stringify = stringifyHere;
        stringifyHere = false; // only the first name of a console argument, not one inside it
        switch (n) {
            case "true": return node(new JsExpr.Constant(Boolean.TRUE));
            case "false": return node(new JsExpr.Constant(Boolean.FALSE));
            case "null": return node(new JsExpr.Constant(JsValues.NULL));
            default: break;
        }
        JsExpr local = lookup(n, t.offset());
        if (local != null) {
            return local;
        }
        switch (n) {
            case "undefined":
                return node(new JsExpr.Constant(JsValues.UNDEFINED));
            case "parseInt": {
                List<JsExpr> args = arguments(t, 1, 2);
                if (args.size() == 1) {
                    return node(new JsExpr.ParseInt(args.get(0), 0));
                }
                Object radix = args.get(1) instanceof JsExpr.Constant ? ((JsExpr.Constant) args.get(1)).value() : null;
                if (!(radix instanceof Double) || ((Double) radix != 10 && (Double) radix != 16)) {
                    throw new OutsideSubset("parseInt with a radix other than 10 or 16", t.offset());
                }
                return node(new JsExpr.ParseInt(args.get(0), ((Double) radix).intValue()));
            }
            case "Number": {
                List<JsExpr> args = arguments(t, 0, 1);
                return node(args.isEmpty() ? new JsExpr.Constant(0.0) : new JsExpr.ToNumber(args.get(0)));
            }
            case "String": {
                List<JsExpr> args = arguments(t, 0, 1);
                return node(args.isEmpty() ? new JsExpr.Constant("") : new JsExpr.ToStr(args.get(0)));
            }
            case "Buffer":
                return base64(t);
            case "atob":
                return node(new JsExpr.Atob(arguments(t, 1, 1).get(0), t.offset()));
            case "JSON": {
                if (tok.is(".") && peek().is("parse")) {
                    advance();
                    advance();
                    return node(new JsExpr.JsonParse(arguments(t, 1, 1).get(0), t.offset()));
                }
                if (stringify && tok.is(".") && peek().is("stringify")) {
                    advance();
                    advance();
                    JsExpr e = node(new JsExpr.Stringify(arguments("JSON.stringify", t.offset(), 1, 3).toArray(new JsExpr[0])));
                    if (!tok.is(",") && !tok.is(")")) {
                        throw new OutsideSubset("JSON.stringify other than as a console argument", t.offset());
                    }
                    return e;
                }
                break;
            }
            default:
                break;
        }
        throw new OutsideSubset("the name " + n, t.offset());
    }

    /**
     * {@code Buffer.from(x, 'base64').toString()}, the one use of a Buffer in the subset: a buffer is no value here,
     * so its text is read at once. The encodings are literals, as Node reads them (any case); {@code 'base64url'}
     * decodes as {@code 'base64'} does in Node, both alphabets either way.
     */
    private JsExpr base64(Token t) throws OutsideSubset {
        String shape = "Buffer other than Buffer.from(x, 'base64').toString()";
        if (!tok.is(".") || !peek().is("from")) {
            throw new OutsideSubset(shape, t.offset());
        }
        advance();
        advance();
        List<JsExpr> args = arguments("Buffer.from", t.offset(), 2, 2);
        String encoding = literal(args.get(1));
        if (encoding == null || !(encoding.equalsIgnoreCase("base64") || encoding.equalsIgnoreCase("base64url"))) {
            throw new OutsideSubset("Buffer.from with an encoding other than 'base64' or 'base64url'", t.offset());
        }
        if (!tok.is(".") || !peek().is("toString")) {
            throw new OutsideSubset(shape, t.offset());
        }
        advance();
        advance();
        List<JsExpr> text = arguments("toString", t.offset(), 0, 1);
        String charset = text.isEmpty() ? null : literal(text.get(0));
        if (!text.isEmpty() && (charset == null || JsBase64.text("", charset) == null)) {
            throw new OutsideSubset("a Buffer's toString other than in 'utf8', 'latin1', 'ascii' or 'hex'", t.offset());
        }
        return node(new JsExpr.Base64Text(args.get(0), encoding, charset, t.offset()));
    }

    private static String literal(JsExpr e) {
        return e instanceof JsExpr.Constant && ((JsExpr.Constant) e).value() instanceof String
                ? (String) ((JsExpr.Constant) e).value() : null;
    }

    /** A call's arguments, between {@code min} and {@code max} of them; spreads are not in the subset. */
    private List<JsExpr> arguments(Token callee, int min, int max) throws OutsideSubset {
        return arguments(callee.text(), callee.offset(), min, max);
    }

    private List<JsExpr> arguments(String callee, int offset, int min, int max) throws OutsideSubset {
        if (!tok.is("(")) {
            throw new OutsideSubset(callee + " other than called", offset);
        }
        advance();
        List<JsExpr> args = new ArrayList<>();
        while (!tok.is(")")) {
            if (tok.is("...")) {
                throw new OutsideSubset("a spread", tok.offset());
            }
            args.add(conditional());
            if (!tok.is(")")) {
                expect(",");
            }
        }
        advance();
        if (args.size() < min || args.size() > max) {
            throw new OutsideSubset(callee + " with " + args.size() + " arguments", offset);
        }
        return args;
    }

    // ---- names and scopes ----

    private JsExpr name(String n, int at) throws OutsideSubset {
        JsExpr local = lookup(n, at);
        if (local != null) {
            return local;
        }
        if (n.equals("undefined")) {
            return new JsExpr.Constant(JsValues.UNDEFINED);
        }
        throw new OutsideSubset("the name " + n, at);
    }

    private JsExpr lookup(String n, int at) throws OutsideSubset {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            Scope s = scopes.get(i);
            Integer slot = s.names.get(n);
            if (slot != null) {
                if (slot == CAUGHT) {
                    throw new OutsideSubset("a read of the caught error " + n, at);
                }
                return new JsExpr.Local(n, slot);
            }
            s.passedThrough.add(n);
        }
        return null;
    }

    private int declare(String n, int at) throws OutsideSubset {
        Scope s = scope();
        if (s.names.containsKey(n) || s.passedThrough.contains(n)) {
            throw new OutsideSubset("a name declared twice or used before its declaration: " + n, at);
        }
        int slot = nextSlot++;
        s.names.put(n, slot);
        frameSize = Math.max(frameSize, nextSlot);
        return slot;
    }

    private Scope scope() {
        return scopes.get(scopes.size() - 1);
    }

    // ---- tokens ----

    private void advance() throws OutsideSubset {
        if (ahead != null) {
            tok = ahead;
            ahead = null;
        } else {
            tok = lexer.next();
        }
    }

    private Token peek() throws OutsideSubset {
        if (ahead == null) {
            ahead = lexer.next();
        }
        return ahead;
    }

    private void expect(String punct) throws OutsideSubset {
        if (!tok.is(punct) || tok.kind() == Kind.STRING) {
            throw new OutsideSubset(describe(tok) + " where '" + punct + "' was expected", tok.offset());
        }
        advance();
    }

    private void expectEnd() throws OutsideSubset {
        if (tok.kind() != Kind.EOF) {
            throw new OutsideSubset(describe(tok), tok.offset());
        }
    }

    /** A statement's end: a semicolon, or one inserted before a line break, a closing brace or the end. */
    private void statementEnd() throws OutsideSubset {
        if (tok.is(";")) {
            advance();
        } else if (!(tok.is("}") || tok.kind() == Kind.EOF || tok.newlineBefore())) {
            throw new OutsideSubset(describe(tok), tok.offset());
        }
    }

    private String identifierName(String what) throws OutsideSubset {
        if (tok.kind() != Kind.IDENT || RESERVED.contains(tok.text())) {
            throw new OutsideSubset(describe(tok) + " as " + what, tok.offset());
        }
        String n = tok.text();
        advance();
        return n;
    }

    /** After a dot any identifier name may follow, keywords included ({@code a.default}). */
    private String identifierOrKeyword() throws OutsideSubset {
        if (tok.kind() != Kind.IDENT) {
            throw new OutsideSubset(describe(tok), tok.offset());
        }
        String n = tok.text();
        advance();
        return n;
    }

    private void enter() throws OutsideSubset {
        if (++depth > MAX_DEPTH) {
            depth = 0;
            throw new OutsideSubset("nesting deeper than " + MAX_DEPTH, tok.offset());
        }
    }

    private <T> T node(T n) throws OutsideSubset {
        if (++nodes > MAX_NODES) {
            throw new OutsideSubset("a snippet of more than " + MAX_NODES + " constructs", tok.offset());
        }
        return n;
    }

    String describe(Token t) {
        switch (t.kind()) {
            case EOF: return "the end of the snippet";
            case STRING: return "a string";
            case NUMBER: return "the number " + t.text();
            case TEMPLATE: return "a template literal";
            default: return "'" + t.text() + "'";
        }
    }
}
