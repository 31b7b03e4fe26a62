package dev.tracex.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for the parts of the AWS Lambda API (and Amazon S3) that {@code release/publish-layer.sh}
 * calls, for the real AWS CLI pointed at it with {@code --endpoint-url}. Every region is served on one port: the
 * region and the service of a request are those its Signature Version 4 credential scope names
 * ({@code Credential=<key>/<date>/<region>/<service>/aws4_request}), as the real endpoints would check them;
 * the signature itself is not verified. It records each request and answers as the service does (status,
 * JSON or XML shapes, error codes), from the API references:
 * <ul>
 * <li>PublishLayerVersion, {@code POST /2018-10-31/layers/{LayerName}/versions}, 201
 * (https://docs.aws.amazon.com/lambda/latest/api/API_PublishLayerVersion.html): a new version per call, numbered
 * per layer and region; {@code Content} either {@code ZipFile} (base64) or an {@code S3Bucket}/{@code S3Key}
 * object, which must exist in a bucket of the same region (Lambda then answers InvalidParameterValueException
 * with S3's error code); the answer echoes {@code LayerArn}, {@code LayerVersionArn}, {@code Version},
 * {@code Description}, {@code CreatedDate}, {@code CompatibleRuntimes}, {@code CompatibleArchitectures},
 * {@code LicenseInfo} and {@code Content} ({@code CodeSha256}, base64 of the SHA-256, {@code CodeSize},
 * {@code Location}; https://docs.aws.amazon.com/lambda/latest/api/API_LayerVersionContentOutput.html);</li>
 * <li>AddLayerVersionPermission, {@code POST /2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy},
 * 201 (https://docs.aws.amazon.com/lambda/latest/api/API_AddLayerVersionPermission.html): {@code Statement}, the
 * policy statement as a JSON string, and {@code RevisionId}; ResourceNotFoundException (404) for a version that
 * does not exist, ResourceConflictException (409) for a statement id the version already has;</li>
 * <li>ListLayers, {@code GET /2018-10-31/layers}, 200 (https://docs.aws.amazon.com/lambda/latest/api/API_ListLayers.html):
 * no layers, only so that a test can make the CLI load its endpoint data;</li>
 * <li>S3 PutObject, path style ({@code PUT /{Bucket}/{Key+}}: the CLI uses it for an IP address endpoint), 200 with
 * the {@code ETag} (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html), into buckets the test
 * creates with {@link #bucket}; NoSuchBucket (404), AuthorizationHeaderMalformed (400) for a request signed for
 * another region than the bucket's, BadDigest (400) for a body that does not match its {@code Content-MD5}
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).</li>
 * </ul>
 * Lambda's errors are rest-json errors: the status, the code in {@code X-Amzn-ErrorType} and
 * {@code {"Type": "User", "message": ...}} (https://docs.aws.amazon.com/lambda/latest/api/CommonErrors.html); a
 * region {@linkplain #refuse refused} answers every Lambda call with UnrecognizedClientException (403), what a
 * region not enabled for the account answers.
 *
 * <p>Anything the CLI would send elsewhere than the endpoint goes to {@link #proxy()}, given to it as its
 * {@code HTTPS_PROXY}/{@code HTTP_PROXY}: a trap that records the request line and closes the connection, so that
 * nothing leaves the machine and a test can assert that nothing tried.
 */
final class LambdaApiStandIn implements AutoCloseable {
    static final String ACCOUNT = "123456789012";
    // A layer zip arrives base64 in one JSON string (37 MB for the JS add-on), over Jackson's default limit.
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build());
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");
    private static final Pattern LAYER = Pattern.compile("/2018-10-31/layers/([a-zA-Z0-9_-]{1,140})/versions");
    private static final Pattern POLICY = Pattern.compile("/2018-10-31/layers/([a-zA-Z0-9_-]{1,140})/versions/(\\d+)/policy");
    private static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");
    // Lambda's own CreatedDate format, e.g. 2018-11-14T23:03:52.894+0000.
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /**
     * One request: the region and service of its signature, the operation, the layer or object it names, its
     * body (JSON requests, a layer zip replaced by {@code sha256:<hex>}), the status answered and what the answer
     * said (a layer version's ARN, an error code).
     */
    record Call(String region, String service, String operation, String target, JsonNode body, int status, String answer) {
        @Override
        public String toString() {
            return region + " " + operation + " " + target + (body == null ? "" : " " + body) + " -> " + status
                    + (answer.isEmpty() ? "" : " " + answer);
        }
    }

    /** An S3 object as stored: its content's SHA-256 (hex) and size. */
    record StoredObject(String sha256, long size) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final ServerSocket trap;
    private final Thread trapThread;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> escaped = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> latestVersions = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> statements = new ConcurrentHashMap<>();
    private final Map<String, String> bucketRegions = new ConcurrentHashMap<>();
    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    LambdaApiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        trap = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        trapThread = new Thread(this::trapConnections, "aws-proxy-trap");
        trapThread.setDaemon(true);
        trapThread.start();
    }

    /** The value of {@code --endpoint-url}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The value of {@code HTTPS_PROXY}: where a request that bypassed the endpoint would go. */
    String proxy() {
        return "http://127.0.0.1:" + trap.getLocalPort();
    }

    /** The layer {@code name} has versions up to {@code version} in {@code region} already: the next is one more. */
    LambdaApiStandIn existingVersions(String region, String name, int version) {
        latestVersions.put(region + "|" + name, version);
        return this;
    }

    /** An S3 bucket in {@code region}. */
    LambdaApiStandIn bucket(String name, String region) {
        bucketRegions.put(name, region);
        return this;
    }

    /** Every Lambda call signed for {@code region} fails as in a region the account has not enabled. */
    LambdaApiStandIn refuse(String region) {
        refused.add(region);
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The request lines of connections made to the proxy trap: requests that would have left the machine. */
    List<String> escaped() {
        return List.copyOf(escaped);
    }

    StoredObject object(String bucket, String key) {
        return objects.get(bucket + "/" + key);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getRawPath();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            Matcher scope = SCOPE.matcher(auth == null ? "" : auth);
            if (!scope.find()) {
                calls.add(new Call("-", "-", ex.getRequestMethod(), path, null, 403, "MissingAuthenticationTokenException"));
                lambdaError(ex, 403, "MissingAuthenticationTokenException", "Missing Authentication Token");
                return;
            }
            String region = scope.group(1);
            String service = scope.group(2);
            if (service.equals("s3")) {
                s3(ex, region, path, body);
            } else if (service.equals("lambda")) {
                lambda(ex, region, path, body);
            } else {
                calls.add(new Call(region, service, ex.getRequestMethod(), path, null, 400, "UnknownService"));
                lambdaError(ex, 400, "UnknownOperationException", "no such service here: " + service);
            }
        }
    }

    private void lambda(HttpExchange ex, String region, String path, byte[] body) throws IOException {
        String method = ex.getRequestMethod();
        Matcher layer = LAYER.matcher(path);
        Matcher policy = POLICY.matcher(path);
        String operation = method.equals("POST") && layer.matches() ? "PublishLayerVersion"
                : method.equals("POST") && policy.matches() ? "AddLayerVersionPermission"
                : method.equals("GET") && path.equals("/2018-10-31/layers") ? "ListLayers"
                : method + " " + path;
        String target = layer.matches() ? layer.group(1) : policy.matches() ? policy.group(1) + ":" + policy.group(2) : "";
        JsonNode request = body.length == 0 ? null : JSON.readTree(body);
        if (refused.contains(region)) {
            answerLambdaError(ex, region, operation, target, summary(request), 403, "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
            return;
        }
        switch (operation) {
            case "PublishLayerVersion" -> publish(ex, region, layer.group(1), (ObjectNode) request);
            case "AddLayerVersionPermission" -> grant(ex, region, policy.group(1), Integer.parseInt(policy.group(2)),
                    (ObjectNode) request);
            case "ListLayers" -> {
                calls.add(new Call(region, "lambda", operation, "", null, 200, ""));
                send(ex, 200, "application/json", "{\"Layers\":[]}");
            }
            default -> answerLambdaError(ex, region, operation, target, request, 404, "UnknownOperationException",
                    "Unknown operation " + operation);
        }
    }

    private void publish(HttpExchange ex, String region, String name, ObjectNode request) throws IOException {
        ObjectNode summary = summary(request);
        JsonNode content = request.path("Content");
        JsonNode architectures = request.path("CompatibleArchitectures");
        String invalid = null;
        if (architectures.size() > 2 || !architecturesKnown(architectures)) {
            invalid = "CompatibleArchitectures: at most 2 of x86_64, arm64";
        } else if (request.path("CompatibleRuntimes").size() > 15) {
            invalid = "CompatibleRuntimes: at most 15";
        } else if (request.path("Description").asText().length() > 256) {
            invalid = "Description: at most 256 characters";
        } else if (content.has("ZipFile") == content.has("S3Bucket")) {
            invalid = "Content: either ZipFile or S3Bucket and S3Key";
        }
        if (invalid != null) {
            answerLambdaError(ex, region, "PublishLayerVersion", name, summary, 400, "InvalidParameterValueException", invalid);
            return;
        }
        String sha256;
        long size;
        if (content.has("ZipFile")) {
            byte[] zip = Base64.getDecoder().decode(content.get("ZipFile").asText());
            sha256 = sha256(zip);
            size = zip.length;
        } else {
            String bucket = content.path("S3Bucket").asText();
            String key = content.path("S3Key").asText();
            StoredObject object = objects.get(bucket + "/" + key);
            String s3Error = !bucketRegions.containsKey(bucket) ? "NoSuchBucket. S3 Error Message: The specified bucket does not exist"
                    : !bucketRegions.get(bucket).equals(region) ? "PermanentRedirect. S3 Error Message: The bucket is in this region: "
                            + bucketRegions.get(bucket) + ". Please use this region to retry the request"
                    : object == null ? "NoSuchKey. S3 Error Message: The specified key does not exist." : null;
            if (s3Error != null) {
                answerLambdaError(ex, region, "PublishLayerVersion", name, summary, 400, "InvalidParameterValueException",
                        "Error occurred while GetObject. S3 Error Code: " + s3Error);
                return;
            }
            sha256 = object.sha256();
            size = object.size();
        }
        int version = latestVersions.merge(region + "|" + name, 1, Integer::sum);
        String layerArn = "arn:aws:lambda:" + region + ":" + ACCOUNT + ":layer:" + name;
        String versionArn = layerArn + ":" + version;
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode out = answer.putObject("Content");
        // Real answers point at a presigned S3 URL valid for 10 minutes; this one stays on loopback.
        out.put("Location", endpoint() + "/layer-archives/" + region + "/" + name + "-" + version);
        out.put("CodeSha256", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)));
        out.put("CodeSize", size);
        answer.put("LayerArn", layerArn);
        answer.put("LayerVersionArn", versionArn);
        answer.set("Description", request.path("Description"));
        answer.put("CreatedDate", CREATED.format(OffsetDateTime.now(ZoneOffset.UTC)));
        answer.put("Version", version);
        answer.set("CompatibleRuntimes", request.path("CompatibleRuntimes"));
        answer.set("LicenseInfo", request.path("LicenseInfo"));
        answer.set("CompatibleArchitectures", request.path("CompatibleArchitectures"));
        calls.add(new Call(region, "lambda", "PublishLayerVersion", name, summary, 201, versionArn));
        send(ex, 201, "application/json", JSON.writeValueAsString(answer));
    }

    private void grant(HttpExchange ex, String region, String name, int version, ObjectNode request) throws IOException {
        String target = name + ":" + version;
        String versionArn = "arn:aws:lambda:" + region + ":" + ACCOUNT + ":layer:" + name + ":" + version;
        if (latestVersions.getOrDefault(region + "|" + name, 0) < version || version < 1) {
            answerLambdaError(ex, region, "AddLayerVersionPermission", target, request, 404, "ResourceNotFoundException",
                    "Layer version " + versionArn + " does not exist.");
            return;
        }
        String statementId = request.path("StatementId").asText();
        if (!request.path("Action").asText().equals("lambda:GetLayerVersion")) {
            answerLambdaError(ex, region, "AddLayerVersionPermission", target, request, 400, "InvalidParameterValueException",
                    "Action: must be lambda:GetLayerVersion");
            return;
        }
        if (!statements.computeIfAbsent(region + "|" + target, k -> new HashSet<>()).add(statementId)) {
            answerLambdaError(ex, region, "AddLayerVersionPermission", target, request, 409, "ResourceConflictException",
                    "The statement id (" + statementId + ") provided already exists. Please provide a new statement id, "
                            + "or remove the existing statement.");
            return;
        }
        ObjectNode statement = JSON.createObjectNode();
        statement.put("Sid", statementId);
        statement.put("Effect", "Allow");
        statement.set("Principal", request.path("Principal"));
        statement.set("Action", request.path("Action"));
        statement.put("Resource", versionArn);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("Statement", JSON.writeValueAsString(statement));
        answer.put("RevisionId", UUID.randomUUID().toString());
        calls.add(new Call(region, "lambda", "AddLayerVersionPermission", target, request, 201, ""));
        send(ex, 201, "application/json", JSON.writeValueAsString(answer));
    }

    private void s3(HttpExchange ex, String region, String path, byte[] body) throws IOException {
        String[] parts = path.substring(1).split("/", 2);
        if (!ex.getRequestMethod().equals("PUT") || parts.length < 2 || parts[1].isEmpty()) {
            calls.add(new Call(region, "s3", ex.getRequestMethod(), path, null, 501, "NotImplemented"));
            s3Error(ex, 501, "NotImplemented", "Only PutObject is served here", "");
            return;
        }
        String bucket = parts[0];
        String key = URLDecoder.decode(parts[1].replace("+", "%2B"), StandardCharsets.UTF_8);
        String target = bucket + "/" + key;
        String bucketRegion = bucketRegions.get(bucket);
        String md5 = ex.getRequestHeaders().getFirst("Content-MD5");
        if (bucketRegion == null) {
            calls.add(new Call(region, "s3", "PutObject", target, null, 404, "NoSuchBucket"));
            s3Error(ex, 404, "NoSuchBucket", "The specified bucket does not exist", "<BucketName>" + bucket + "</BucketName>");
        } else if (!bucketRegion.equals(region)) {
            calls.add(new Call(region, "s3", "PutObject", target, null, 400, "AuthorizationHeaderMalformed"));
            s3Error(ex, 400, "AuthorizationHeaderMalformed", "The authorization header is malformed; the region '" + region
                    + "' is wrong; expecting '" + bucketRegion + "'", "<Region>" + bucketRegion + "</Region>");
        } else if (md5 != null && !md5.equals(Base64.getEncoder().encodeToString(digest("MD5", body)))) {
            calls.add(new Call(region, "s3", "PutObject", target, null, 400, "BadDigest"));
            s3Error(ex, 400, "BadDigest", "The Content-MD5 you specified did not match what we received.", "");
        } else {
            StoredObject stored = new StoredObject(sha256(body), body.length);
            objects.put(target, stored);
            ObjectNode summary = JSON.createObjectNode().put("Body", "sha256:" + stored.sha256());
            calls.add(new Call(region, "s3", "PutObject", target, summary, 200, ""));
            ex.getResponseHeaders().set("ETag", "\"" + HexFormat.of().formatHex(digest("MD5", body)) + "\"");
            ex.sendResponseHeaders(200, -1);
        }
    }

    /** The request as recorded: a zip in the body replaced by its SHA-256, so that records stay small. */
    private static ObjectNode summary(JsonNode request) {
        if (request == null) {
            return null;
        }
        ObjectNode copy = (ObjectNode) request.deepCopy();
        JsonNode zip = copy.path("Content").path("ZipFile");
        if (zip.isTextual()) {
            ((ObjectNode) copy.get("Content")).put("ZipFile", "sha256:" + sha256(Base64.getDecoder().decode(zip.asText())));
        }
        return copy;
    }

    private static boolean architecturesKnown(JsonNode architectures) {
        for (JsonNode a : architectures) {
            if (!ARCHITECTURES.contains(a.asText())) {
                return false;
            }
        }
        return true;
    }

    private void answerLambdaError(HttpExchange ex, String region, String operation, String target, JsonNode request,
                                   int status, String code, String message) throws IOException {
        calls.add(new Call(region, "lambda", operation, target, request, status, code));
        lambdaError(ex, status, code, message);
    }

    private static void lambdaError(HttpExchange ex, int status, String code, String message) throws IOException {
        ex.getResponseHeaders().set("X-Amzn-ErrorType", code);
        ObjectNode error = JSON.createObjectNode().put("Type", "User").put("message", message);
        send(ex, status, "application/json", JSON.writeValueAsString(error));
    }

    private static void s3Error(HttpExchange ex, int status, String code, String message, String extra) throws IOException {
        send(ex, status, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code
                + "</Code><Message>" + message + "</Message>" + extra + "<RequestId>0000000000000000</RequestId></Error>");
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256", bytes));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void trapConnections() {
        while (!trap.isClosed()) {
            try (Socket s = trap.accept()) {
                s.setSoTimeout(5_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                String line = in.readLine();
                escaped.add(line == null ? "(connection without a request)" : line);
            } catch (IOException e) {
                if (!trap.isClosed()) {
                    escaped.add("(connection failed: " + e.getMessage() + ")");
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        executor.shutdownNow();
        trap.close();
    }
}
