package dev.tracex.engine.internal.jscompile;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** JavaScript's number conversions as compiled snippets do them, against GraalJS itself on the same inputs. */
class JsNumbersTest {
    private static Context js;

    @BeforeAll
    static void open() {
        js = Context.newBuilder("js").out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream()).build();
    }

    @AfterAll
    static void close() {
        js.close();
    }

    /** The digit-by-digit sum of short integers gives Double.parseDouble's double, bit for bit (-0 included). */
    @Test
    void decimal_sameBitsAsParseDouble() {
        List<String> texts = new ArrayList<>(List.of("0", "-0", "7", "-12", "123456789012345", "-999999999999999",
                "1234567890123456", "9007199254740993", "-9007199254740993", "0.5", "-0.0", "1e5", "-1.25e-3", "1.",
                "98765432109876543210", "1" + "0".repeat(400)));
        Random r = new Random(1207);
        for (int i = 0; i < 10_000; i++) {
            long v = r.nextLong() % 1_000_000_000_000_000L;
            texts.add(Long.toString(i % 3 == 0 ? v % 1000 : v));
        }
        for (String t : texts) {
            assertThat(Double.doubleToRawLongBits(JsNumbers.decimal(t))).as(t)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(t)));
        }
    }

    @Test
    void toString_doubles_asJavaScriptWritesThem() {
        Value string = js.eval("js", "(x) => String(x)");
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.5, 0.1, 0.2 + 0.1, 1e21, 1e21 - 65536, 123e-7, 1e-6,
                1e-7, 9007199254740993.0, 0x1p63, 0x1p64, Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, 5e-324,
                1.7976931348623157e308, 2.82879384806159E17, 1e23, Double.NaN, Double.POSITIVE_INFINITY, -1e300));
        Random r = new Random(27);
        for (int i = 0; i < 20_000; i++) {
            values.add(i % 2 == 0 ? Double.longBitsToDouble(r.nextLong()) : Math.scalb(1.0 + r.nextInt(1000), r.nextInt(140) - 70));
        }
        for (double d : values) {
            assertThat(JsNumbers.toString(d)).as("String(%s)", d).isEqualTo(string.execute(d).asString());
        }
    }

    @Test
    void conversions_ofText_asJavaScriptReadsThem() {
        Value convert = js.eval("js", "(s) => [Number(s), parseInt(s, 10), parseInt(s, 16), parseInt(s)]");
        List<String> texts = new ArrayList<>(List.of("", " ", "0", "-0", "+0", "12", "12abc", " 42 ", "\u00a042\u2029", "\u180e1",
                "\ufeff7", "0x1f", "-0x1f", "0X1F", "0b101", "0o17", "017", "1e3", "1E+3", "1e-3", "1.", ".5", "5.e1", ".", "e5",
                "1e", "Infinity", "-Infinity", "+Infinity", "infinity", "NaN", "1_000", "１２", "٣", "9007199254740993",
                "18446744073709551616", "123456789012345678901234567890", "1".repeat(400), "0x" + "f".repeat(300),
                "1d", "1f", "0x1p3", "  -12.5e1xyz", "--1", "+-1", "\t\n\r\u000b\f 3"));
        Random r = new Random(27);
        String alphabet = "0123456789abcdefxX.eE+- \t\u00a0";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(12); n > 0; n--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            texts.add(b.toString());
        }
        for (String s : texts) {
            Value v = convert.execute(s); // compared as Double: NaN equals NaN, -0 differs from 0
            assertThat((Double) JsNumbers.stringToNumber(s)).as("Number(%s)", s).isEqualTo((Double) v.getArrayElement(0).asDouble());
            assertThat((Double) JsNumbers.parseInt(s, 10)).as("parseInt(%s, 10)", s).isEqualTo((Double) v.getArrayElement(1).asDouble());
            assertThat((Double) JsNumbers.parseInt(s, 16)).as("parseInt(%s, 16)", s).isEqualTo((Double) v.getArrayElement(2).asDouble());
            assertThat((Double) JsNumbers.parseInt(s, 0)).as("parseInt(%s)", s).isEqualTo((Double) v.getArrayElement(3).asDouble());
        }
    }

    @Test
    void fits_negativeZeroAndRange_asPolyglotReportsThem() {
        Value number = js.eval("js", "(x) => x");
        for (double d : new double[] {0.0, -0.0, 1, -1, 0.5, 0x1p31, -0x1p31, 0x1p63, -0x1p63, 1e300, Double.NaN}) {
            Value v = number.execute(d);
            assertThat(JsNumbers.fitsInLong(d)).as("fitsInLong(%s)", d).isEqualTo(v.fitsInLong());
            assertThat(JsNumbers.fitsInInt(d)).as("fitsInInt(%s)", d).isEqualTo(v.fitsInInt());
        }
    }
}
