package dev.tracex.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.lambda.LambdaApiStandIn.Call;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * {@code release/publish-layer.sh} run as the release runs it, with the real AWS CLI (version 2, Debian's
 * {@code awscli} when the machine has no other), pointed with {@code --endpoint-url} at {@link LambdaApiStandIn}
 * and given fake credentials and empty config files; the machine's own AWS configuration is never read. Any request
 * that would not go to the stand-in goes to its proxy trap instead, and each test asserts there was none: nothing
 * leaves the machine. Judged by what the stand-in received and what the script printed.
 */
class PublishLayerScriptIT {
    private static final Path SCRIPT = Path.of("../release/publish-layer.sh").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = System.getProperty("tracex.test.version", "");
    private static final String YAML_DESCRIPTION = "tracex " + VERSION
            + ": trace context from AWS events for Java functions. AWS_LAMBDA_EXEC_WRAPPER=/opt/tracex-wrapper";
    private static final String JS_DESCRIPTION = "tracex " + VERSION + " JS add-on: GraalJS for js: rules; add it with the tracex layer";
    private static final String ARN = "arn:aws:lambda:%s:" + LambdaApiStandIn.ACCOUNT + ":layer:%s:%d";
    private static final String TABLE_HEAD = "| Region | Architectures | YAML layer ARN | JS add-on ARN |\n|---|---|---|---|\n";
    private static final int DIRECT_UPLOAD_LIMIT = 50 * 1024 * 1024;

    private static String aws;

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void awsCli() throws Exception {
        if (VERSION.isEmpty()) {
            throw new IllegalStateException("system property tracex.test.version is not set: run this test with `mvn verify` "
                    + "(failsafe, after package)");
        }
        aws = AptTool.AWS_CLI.executable();
    }

    @Test
    void publish_builtZipsToTwoRegions_publishesEachForBothArchitecturesMakesItPublicAndPrintsTheTable() throws Exception {
        Path yaml = LayerFunction.builtZip("tracex.test.layerZip");
        Path js = LayerFunction.builtZip("tracex.test.layerJsZip");
        Path table = dir.resolve("layers.md");
        try (LambdaApiStandIn lambda = new LambdaApiStandIn()
                .existingVersions("us-east-1", "tracex", 6).existingVersions("us-east-1", "tracex-js", 2)) {
            Result result = run(lambda, "--regions", "us-east-1,eu-central-1", "--table", table.toString());

            String yamlZip = "sha256:" + sha256(yaml);
            String jsZip = "sha256:" + sha256(js);
            assertThat(lambda.calls()).containsExactly(
                    publish("us-east-1", "tracex", YAML_DESCRIPTION, zipFile(yamlZip), 7),
                    grant("us-east-1", "tracex", 7),
                    publish("us-east-1", "tracex-js", JS_DESCRIPTION, zipFile(jsZip), 3),
                    grant("us-east-1", "tracex-js", 3),
                    publish("eu-central-1", "tracex", YAML_DESCRIPTION, zipFile(yamlZip), 1),
                    grant("eu-central-1", "tracex", 1),
                    publish("eu-central-1", "tracex-js", JS_DESCRIPTION, zipFile(jsZip), 1),
                    grant("eu-central-1", "tracex-js", 1));
            String expectedTable = TABLE_HEAD
                    + "| us-east-1 | x86_64, arm64 | `" + arn("us-east-1", "tracex", 7) + "` | `" + arn("us-east-1", "tracex-js", 3) + "` |\n"
                    + "| eu-central-1 | x86_64, arm64 | `" + arn("eu-central-1", "tracex", 1) + "` | `"
                    + arn("eu-central-1", "tracex-js", 1) + "` |\n";
            assertThat(result.out()).isEqualTo(expectedTable);
            assertThat(table).hasContent(expectedTable);
            assertThat(result.err()).isEqualTo(Stream.of(arn("us-east-1", "tracex", 7), arn("us-east-1", "tracex-js", 3),
                            arn("eu-central-1", "tracex", 1), arn("eu-central-1", "tracex-js", 1))
                    .map(a -> "publish-layer.sh: " + a + " published, public\n").reduce("", String::concat));
            assertThat(result.exit()).isZero();
            assertThat(lambda.escaped()).isEmpty();
        }
    }

    @Test
    void publish_s3Bucket_uploadsEachZipToTheBucketOfItsRegionAndPublishesFromThere() throws Exception {
        Path yaml = LayerFunction.builtZip("tracex.test.layerZip");
        Path js = LayerFunction.builtZip("tracex.test.layerJsZip");
        try (LambdaApiStandIn lambda = new LambdaApiStandIn()
                .bucket("tracex-layers-us-east-1", "us-east-1").bucket("tracex-layers-eu-west-1", "eu-west-1")) {
            Result result = run(lambda, "--regions", "us-east-1 eu-west-1", "--s3-bucket", "tracex-layers-{region}");

            String yamlKey = "tracex/" + VERSION + "/tracex-lambda-layer.zip";
            String jsKey = "tracex/" + VERSION + "/tracex-lambda-layer-js.zip";
            String yamlSha = "sha256:" + sha256(yaml);
            String jsSha = "sha256:" + sha256(js);
            assertThat(lambda.calls()).containsExactly(
                    put("us-east-1", "tracex-layers-us-east-1/" + yamlKey, yamlSha),
                    publish("us-east-1", "tracex", YAML_DESCRIPTION, s3("tracex-layers-us-east-1", yamlKey), 1),
                    grant("us-east-1", "tracex", 1),
                    put("us-east-1", "tracex-layers-us-east-1/" + jsKey, jsSha),
                    publish("us-east-1", "tracex-js", JS_DESCRIPTION, s3("tracex-layers-us-east-1", jsKey), 1),
                    grant("us-east-1", "tracex-js", 1),
                    put("eu-west-1", "tracex-layers-eu-west-1/" + yamlKey, yamlSha),
                    publish("eu-west-1", "tracex", YAML_DESCRIPTION, s3("tracex-layers-eu-west-1", yamlKey), 1),
                    grant("eu-west-1", "tracex", 1),
                    put("eu-west-1", "tracex-layers-eu-west-1/" + jsKey, jsSha),
                    publish("eu-west-1", "tracex-js", JS_DESCRIPTION, s3("tracex-layers-eu-west-1", jsKey), 1),
                    grant("eu-west-1", "tracex-js", 1));
            assertThat(result.out()).isEqualTo(TABLE_HEAD
                    + "| us-east-1 | x86_64, arm64 | `" + arn("us-east-1", "tracex", 1) + "` | `" + arn("us-east-1", "tracex-js", 1) + "` |\n"
                    + "| eu-west-1 | x86_64, arm64 | `" + arn("eu-west-1", "tracex", 1) + "` | `" + arn("eu-west-1", "tracex-js", 1) + "` |\n");
            assertThat(result.exit()).isZero();
            assertThat(lambda.escaped()).isEmpty();
        }
    }

    @Test
    void publish_regionRefusesTheCredentials_stopsThereSayingWhatIsPublished() throws Exception {
        Path table = dir.resolve("layers.md");
        try (LambdaApiStandIn lambda = new LambdaApiStandIn().refuse("ap-east-2")) {
            Result result = run(lambda, "--regions", "us-east-1,ap-east-2,eu-west-1", "--layer-zip", smallYamlZip().toString(),
                    "--js-zip", smallJsZip().toString(), "--table", table.toString());

            assertThat(lambda.calls()).extracting(Call::region, Call::operation, Call::target, Call::status).containsExactly(
                    tuple("us-east-1", "PublishLayerVersion", "tracex", 201),
                    tuple("us-east-1", "AddLayerVersionPermission", "tracex:1", 201),
                    tuple("us-east-1", "PublishLayerVersion", "tracex-js", 201),
                    tuple("us-east-1", "AddLayerVersionPermission", "tracex-js:1", 201),
                    tuple("ap-east-2", "PublishLayerVersion", "tracex", 403));
            assertThat(result.err()).isEqualTo("publish-layer.sh: " + arn("us-east-1", "tracex", 1) + " published, public\n"
                    + "publish-layer.sh: " + arn("us-east-1", "tracex-js", 1) + " published, public\n"
                    + "\nAn error occurred (UnrecognizedClientException) when calling the PublishLayerVersion operation: "
                    + "The security token included in the request is invalid.\n"
                    + "publish-layer.sh: publishing tracex in ap-east-2 failed (above); the versions listed before it are "
                    + "published and public\n");
            assertThat(result.out()).isEmpty();
            assertThat(result.exit()).isEqualTo(1);
            assertThat(table).doesNotExist();
            assertThat(lambda.escaped()).isEmpty();
        }
    }

    static Stream<Arguments> refusals() {
        String over = Integer.toString(DIRECT_UPLOAD_LIMIT + 1);
        return Stream.of(
                argumentSet("a zip over Lambda's 50 MB request limit, without --s3-bucket",
                        List.of("--js-zip", "{big}"),
                        "{big} is " + over + " bytes, over the " + DIRECT_UPLOAD_LIMIT + " bytes Lambda takes in a request: "
                                + "pass --s3-bucket"),
                argumentSet("a version other than the one the layer holds",
                        List.of("--version", "9.9.9"),
                        "--version 9.9.9, but {yaml} holds tracex-lambda-adapter-" + VERSION + ".jar"),
                argumentSet("one S3 bucket for several regions",
                        List.of("--s3-bucket", "tracex-layers"),
                        "--s3-bucket tracex-layers serves one region: Lambda reads a layer from a bucket in the layer's own "
                                + "region; put {region} in the name"),
                argumentSet("an empty region list, which is not every region",
                        List.of("--regions", ""),
                        "--regions is empty"),
                argumentSet("a table file in no directory, found out before anything is published",
                        List.of("--table", "{missing}"),
                        "--table {missing}: no such directory"),
                argumentSet("a region that is not one",
                        List.of("--regions", "us-east-1,useast2"),
                        "'useast2' is not a region name"),
                argumentSet("a zip that is not tracex's layer",
                        List.of("--layer-zip", "{js}"),
                        "{js} holds no java/lib/tracex-lambda-adapter-*.jar: not a tracex layer"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void publish_refusedArguments_stopsBeforeAnyCallSayingWhy(List<String> args, String message) throws Exception {
        Map<String, String> paths = Map.of("{yaml}", smallYamlZip().toString(), "{js}", smallJsZip().toString(),
                "{big}", bigZip().toString(), "{missing}", dir.resolve("missing/layers.md").toString());
        List<String> cmd = new ArrayList<>(List.of("--regions", "us-east-1,eu-west-1",
                "--layer-zip", paths.get("{yaml}"), "--js-zip", paths.get("{js}")));
        args.forEach(a -> cmd.add(paths.getOrDefault(a, a)));
        String expected = message;
        for (Map.Entry<String, String> p : paths.entrySet()) {
            expected = expected.replace(p.getKey(), p.getValue());
        }
        try (LambdaApiStandIn lambda = new LambdaApiStandIn()) {
            Result result = run(lambda, cmd.toArray(String[]::new));

            assertThat(result.err()).isEqualTo("publish-layer.sh: " + expected + "\n");
            assertThat(result.out()).isEmpty();
            assertThat(result.exit()).isEqualTo(1);
            assertThat(lambda.calls()).isEmpty();
        }
    }

    /**
     * The dry run prints the calls as a shell script and sends nothing; that script, run, makes exactly the requests
     * the script itself makes: what it prints is what it does.
     */
    @Test
    void dryRun_printsTheCallsSendsNothing_andWhatItPrintsMakesTheSameRequests() throws Exception {
        Path yaml = smallYamlZip();
        Path js = smallJsZip();
        Path table = dir.resolve("layers.md");
        try (LambdaApiStandIn printed = new LambdaApiStandIn(); LambdaApiStandIn real = new LambdaApiStandIn()) {
            Result dry = run(printed, "--dry-run", "--regions", "us-east-1", "--layer-zip", yaml.toString(),
                    "--js-zip", js.toString(), "--table", table.toString(), "--endpoint-url", printed.endpoint());

            assertThat(printed.calls()).isEmpty();
            assertThat(printed.escaped()).isEmpty();
            assertThat(table).doesNotExist();
            assertThat(dry.err()).isEmpty();
            assertThat(dry.exit()).isZero();
            String endpoint = "--endpoint-url " + printed.endpoint() + " --region us-east-1";
            assertThat(dry.out().lines()).containsExactly(
                    "arn=$(aws lambda publish-layer-version " + endpoint + " --layer-name tracex --description '"
                            + YAML_DESCRIPTION + "' --license-info Apache-2.0 --compatible-runtimes java17 java21 java25 "
                            + "--compatible-architectures x86_64 arm64 --zip-file fileb://" + yaml
                            + " --query LayerVersionArn --output text)",
                    "aws lambda add-layer-version-permission " + endpoint + " --layer-name tracex --statement-id public-read "
                            + "--action lambda:GetLayerVersion --principal '*' --query RevisionId --output text "
                            + "--version-number \"${arn##*:}\" >/dev/null",
                    "arn=$(aws lambda publish-layer-version " + endpoint + " --layer-name tracex-js --description '"
                            + JS_DESCRIPTION + "' --license-info Apache-2.0 --compatible-runtimes java17 java21 java25 "
                            + "--compatible-architectures x86_64 arm64 --zip-file fileb://" + js
                            + " --query LayerVersionArn --output text)",
                    "aws lambda add-layer-version-permission " + endpoint + " --layer-name tracex-js --statement-id public-read "
                            + "--action lambda:GetLayerVersion --principal '*' --query RevisionId --output text "
                            + "--version-number \"${arn##*:}\" >/dev/null");

            Result replay = exec(printed, List.of("bash", "-euo", "pipefail", "-c", dry.out()));
            Result script = run(real, "--regions", "us-east-1", "--layer-zip", yaml.toString(), "--js-zip", js.toString());

            assertThat(replay.exit()).isZero();
            assertThat(script.exit()).isZero();
            assertThat(printed.calls()).hasSize(4).isEqualTo(real.calls());
            assertThat(printed.escaped()).isEmpty();
            assertThat(real.escaped()).isEmpty();
        }
    }

    @Test
    void dryRun_s3Bucket_printsEachUploadBeforeThePublishThatReadsIt() throws Exception {
        Path yaml = smallYamlZip();
        try (LambdaApiStandIn lambda = new LambdaApiStandIn()) {
            Result dry = run(lambda, "--dry-run", "--regions", "eu-west-1", "--layer-zip", yaml.toString(),
                    "--js-zip", smallJsZip().toString(), "--s3-bucket", "tracex-layers-{region}");

            String key = "tracex/" + VERSION + "/small-layer.zip";
            String endpoint = "--endpoint-url " + lambda.endpoint() + " --region eu-west-1";
            assertThat(dry.out().lines().limit(2)).containsExactly(
                    "aws s3api put-object " + endpoint + " --bucket tracex-layers-eu-west-1 --key " + key + " --body " + yaml
                            + " --content-type application/zip --query ETag --output text >/dev/null",
                    "arn=$(aws lambda publish-layer-version " + endpoint + " --layer-name tracex --description '"
                            + YAML_DESCRIPTION + "' --license-info Apache-2.0 --compatible-runtimes java17 java21 java25 "
                            + "--compatible-architectures x86_64 arm64 --content S3Bucket=tracex-layers-eu-west-1,S3Key=" + key
                            + " --query LayerVersionArn --output text)");
            assertThat(dry.out().lines()).hasSize(6);
            assertThat(dry.err()).isEmpty();
            assertThat(dry.exit()).isZero();
            assertThat(lambda.calls()).isEmpty();
        }
    }

    /**
     * The regions a run without {@code --regions} publishes to are the ones {@code --help} lists, each once, and they
     * include every region of the aws partition where the installed CLI's endpoint data has Lambda (data as old as
     * the CLI: a region newer than the CLI is not checked here).
     */
    @Test
    void defaultRegions_areWhatHelpListsAndEveryRegionTheCliKnowsLambdaIn() throws Exception {
        try (LambdaApiStandIn lambda = new LambdaApiStandIn()) {
            Result help = run(lambda, "--help");
            Result dry = run(lambda, "--dry-run", "--layer-zip", smallYamlZip().toString(), "--js-zip", smallJsZip().toString());

            List<String> documented = Arrays.asList(help.out()
                    .replaceFirst("(?s).*\nDefault regions [^\n]*:\n(.*?)\n\n.*", "$1").strip().split("\\s+"));
            List<String> published = new ArrayList<>();
            Matcher region = Pattern.compile("publish-layer-version (?:--endpoint-url \\S+ )?--region (\\S+) --layer-name tracex ").matcher(dry.out());
            while (region.find()) {
                published.add(region.group(1));
            }
            assertThat(documented).doesNotHaveDuplicates().contains("us-east-1", "eu-west-1", "ap-southeast-2");
            assertThat(published).isEqualTo(documented);
            assertThat(dry.out().lines().filter(l -> l.contains("publish-layer-version"))).hasSize(2 * documented.size());
            assertThat(help.exit()).isZero();
            assertThat(dry.exit()).isZero();

            Set<String> known = lambdaRegionsTheCliKnows(lambda);
            assertThat(known).contains("us-east-1");
            assertThat(documented).containsAll(known);
            assertThat(lambda.escaped()).isEmpty();
        }
    }

    /** Regions of the aws partition with a Lambda endpoint, from the endpoint data the CLI loads (its debug log names it). */
    private Set<String> lambdaRegionsTheCliKnows(LambdaApiStandIn lambda) throws Exception {
        Result listed = exec(lambda, List.of(aws, "--debug", "lambda", "list-layers", "--region", "us-east-1",
                "--endpoint-url", lambda.endpoint()));
        assertThat(listed.exit()).as(listed.err()).isZero();
        Matcher loaded = Pattern.compile("Loading JSON file: (\\S+/endpoints\\.json(?:\\.gz)?)").matcher(listed.err());
        assertThat(loaded.find()).as("the CLI's debug log names its endpoints.json").isTrue();
        Path file = Path.of(loaded.group(1));
        JsonNode endpoints;
        try (var in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            endpoints = JSON.readTree(in);
        }
        Set<String> regions = new LinkedHashSet<>();
        for (JsonNode partition : endpoints.path("partitions")) {
            if (partition.path("partition").asText().equals("aws")) {
                partition.path("services").path("lambda").path("endpoints").fieldNames().forEachRemaining(name -> {
                    if (partition.path("regions").has(name)) {
                        regions.add(name);
                    }
                });
            }
        }
        return regions;
    }

    private static Call publish(String region, String name, String description, String content, int version) throws IOException {
        JsonNode body = JSON.readTree("""
                {"Description": %s, "LicenseInfo": "Apache-2.0", "CompatibleRuntimes": ["java17", "java21", "java25"],
                 "CompatibleArchitectures": ["x86_64", "arm64"], "Content": %s}""".formatted(JSON.writeValueAsString(description), content));
        return new Call(region, "lambda", "PublishLayerVersion", name, body, 201, arn(region, name, version));
    }

    private static Call grant(String region, String name, int version) throws IOException {
        JsonNode body = JSON.readTree("{\"StatementId\": \"public-read\", \"Action\": \"lambda:GetLayerVersion\", \"Principal\": \"*\"}");
        return new Call(region, "lambda", "AddLayerVersionPermission", name + ":" + version, body, 201, "");
    }

    private static Call put(String region, String object, String sha256) throws IOException {
        return new Call(region, "s3", "PutObject", object, JSON.readTree("{\"Body\": \"" + sha256 + "\"}"), 200, "");
    }

    private static String zipFile(String sha256) {
        return "{\"ZipFile\": \"" + sha256 + "\"}";
    }

    private static String s3(String bucket, String key) {
        return "{\"S3Bucket\": \"" + bucket + "\", \"S3Key\": \"" + key + "\"}";
    }

    private static String arn(String region, String name, int version) {
        return ARN.formatted(region, name, version);
    }

    private static String sha256(Path file) throws IOException {
        return LambdaApiStandIn.sha256(Files.readAllBytes(file));
    }

    /** A layer zip as the script reads one (its adapter jar's name gives the version); the jar is not a real one. */
    private Path smallYamlZip() throws IOException {
        return zip("small-layer.zip", "tracex-wrapper", "java/lib/tracex-lambda-adapter-" + VERSION + ".jar");
    }

    private Path smallJsZip() throws IOException {
        return zip("small-layer-js.zip", "java/lib/js-language-25.0.0.jar");
    }

    private Path zip(String name, String... entries) throws IOException {
        Path zip = dir.resolve(name);
        if (!Files.exists(zip)) {
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                for (String entry : entries) {
                    out.putNextEntry(new ZipEntry(entry));
                    out.write(("stand-in for " + entry).getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
        }
        return zip;
    }

    /** One byte over the limit, sparse: the script must refuse it by its size, before reading or sending it. */
    private Path bigZip() throws IOException {
        Path big = dir.resolve("big-layer-js.zip");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(DIRECT_UPLOAD_LIMIT + 1L);
        }
        return big;
    }

    private Result run(LambdaApiStandIn lambda, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(SCRIPT.toString()));
        cmd.addAll(List.of(args));
        if (!cmd.contains("--endpoint-url") && !cmd.contains("--help")) {
            cmd.addAll(List.of("--endpoint-url", lambda.endpoint()));
        }
        return exec(lambda, cmd);
    }

    /**
     * Runs {@code cmd} with only what the AWS CLI needs: the chosen {@code aws}'s directory first on the PATH, fake credentials,
     * empty config and credentials files, no instance metadata, a HOME of its own, and every proxy variable on the
     * stand-in's trap (loopback excepted), so that no request can reach a real endpoint.
     */
    private Result exec(LambdaApiStandIn lambda, List<String> cmd) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path config = Files.writeString(dir.resolve("aws-config"), "");
        Path credentials = Files.writeString(dir.resolve("aws-credentials"), "");
        Map<String, String> env = new HashMap<>();
        env.put("PATH", Path.of(aws).getParent() + ":" + System.getenv("PATH"));
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        for (String proxy : List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")) {
            env.put(proxy, lambda.proxy());
        }
        env.put("NO_PROXY", "127.0.0.1");
        env.put("no_proxy", "127.0.0.1");

        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("`" + String.join(" ", cmd) + "` did not end in 5 minutes; calls: " + lambda.calls());
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
