#!/usr/bin/env python3
"""One cold start through the real Lambda runtime client, timed from JVM start to the function's response.

usage: runtime_cold_start.py TASK_ROOT HANDLER EVENT RUNTIME_CLASSPATH [ENV=VALUE...] -- JVM_OPTION...

Serves the Lambda Runtime API on 127.0.0.1 (next invocation, response, init error; as the tests' loopback
RuntimeApiServer does), starts `java JVM_OPTION... -cp RUNTIME_CLASSPATH AWSLambda HANDLER` with a Lambda
function's environment (LAMBDA_TASK_ROOT=TASK_ROOT, _HANDLER=HANDLER, the extra ENV=VALUE pairs), hands it
EVENT as its first invocation, and at the response reads the process's peak RSS (VmHWM) and stops it.
Prints one JSON line: totalMs (JVM start to the response reaching the API), vmHwmKb, response.
The runtime client loads the function from TASK_ROOT with its own class loader, as on AWS Lambda.
"""
import http.server
import json
import os
import subprocess
import sys
import threading
import time

RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda"
PREFIX = "/2018-06-01/runtime/"


def main():
    sep = sys.argv.index("--")
    task_root, handler, event_file, runtime_cp, *env_pairs = sys.argv[1:sep]
    jvm_options = sys.argv[sep + 1:]
    event = open(event_file, "rb").read()
    done = threading.Event()
    state = {"served": False}

    class Api(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def send(self, status, body, headers=()):
            self.send_response(status)
            self.send_header("Content-Type", "application/json")  # the runtime client's native client needs one
            for k, v in headers:
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            if self.path == PREFIX + "invocation/next" and not state["served"]:
                state["served"] = True
                self.send(200, event, [("Lambda-Runtime-Aws-Request-Id", "cold-start-1"),
                                       ("Lambda-Runtime-Deadline-Ms", str(int(time.time() * 1000) + 60_000)),
                                       ("Lambda-Runtime-Invoked-Function-Arn",
                                        "arn:aws:lambda:us-east-1:123456789012:function:orders")])
            elif self.path == PREFIX + "invocation/next":
                done.wait(30)  # long poll, as the real API does, until this script stops the JVM
                self.send(500, b"{}")
            else:
                self.send(404, b"{}")

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.path.startswith(PREFIX + "invocation/") or self.path == PREFIX + "init/error":
                state["end_ns"] = time.time_ns()
                state["response"] = body.decode("utf-8", "replace")
                state["error"] = not self.path.endswith("/response")
                state["vmHwmKb"] = peak_rss_kb(state["pid"])
                self.send(202, b'{"status":"OK"}')
                done.set()
            else:
                self.send(404, b"{}")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Api)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"),
           "AWS_LAMBDA_RUNTIME_API": "127.0.0.1:%d" % server.server_address[1],
           "AWS_LAMBDA_FUNCTION_NAME": "orders", "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
           "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "512", "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/orders",
           "AWS_LAMBDA_LOG_STREAM_NAME": "2026/12/01/[$LATEST]cold-start", "AWS_REGION": "us-east-1",
           "LAMBDA_TASK_ROOT": task_root, "_HANDLER": handler}
    env.update(pair.split("=", 1) for pair in env_pairs)
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
    start_ns = time.time_ns()
    process = subprocess.Popen([java, *jvm_options, "-cp", runtime_cp, RIC_MAIN, handler], cwd=task_root, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    state["pid"] = process.pid
    finished = done.wait(60)
    process.terminate()  # SIGTERM: the JVM exits normally, so -XX:ArchiveClassesAtExit writes its archive
    output = process.communicate(timeout=60)[0].decode("utf-8", "replace")
    server.shutdown()
    if not finished or state.get("error"):
        sys.stderr.write("no response from the function; its output:\n" + output + "\n" + str(state.get("response")) + "\n")
        sys.exit(1)
    print(json.dumps({"totalMs": round((state["end_ns"] - start_ns) / 1e6, 1), "vmHwmKb": state["vmHwmKb"],
                      "response": state["response"]}))


def peak_rss_kb(pid):
    try:
        for line in open("/proc/%d/status" % pid):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return -1


if __name__ == "__main__":
    main()
