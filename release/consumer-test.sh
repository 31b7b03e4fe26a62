#!/usr/bin/env bash
# Proof that a user can consume a tracex release: stage it as the release would
# (mvn -P release deploy -DaltDeploymentRepository=staging::file:./target/staging-deploy), then, outside the reactor,
# build a Lambda function (consumer-test/function) with README.md's dependency snippet as printed there, again
# with its BOM snippet, and again with the dependency and the Maven plugin's snippet and a rules file (precompiled by
# the plugin, loaded by the function), from that staging directory alone (consumer-test/settings.xml: tracex only from staging,
# third-party artifacts from ~/.m2 without dev/tracex, or Central); run each under the real runtime interface client
# on an API Gateway event carrying a W3C traceparent, and check that the handler saw that context.
# A published POM that leans on the reactor (a version only the reactor supplies, a test-scoped or optional
# dependency the function needs) fails here: the build cannot resolve it, or the function fails at run time.
#
#   release/consumer-test.sh                  stage (-DskipTests, in target/staging-deploy), then test
#   release/consumer-test.sh --staged DIR     test an existing staging directory
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
STAGING=$ROOT/target/staging-deploy
WORK=$ROOT/target/consumer-test
M2=${MAVEN_LOCAL_REPOSITORY:-$HOME/.m2/repository}
EVENT=$ROOT/rules/src/test/resources/events/apigw_v2_event.json
# The traceparent in that event: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01.
EXPECTED='"trace 4bf92f3577b34da6a3ce929d0e0e4736 parent 00f067aa0ba902b7"'

if [ "${1:-}" = --staged ]; then
  STAGING=$(cd "$2" && pwd)
else
  rm -rf "$STAGING"
  echo "consumer-test: staging the release in ${STAGING#"$ROOT"/}"
  mvn -B -q -P release deploy -DskipTests -DaltDeploymentRepository=staging::file:./target/staging-deploy
fi
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
[ -f "$STAGING/dev/tracex/tracex-lambda-adapter/$version/tracex-lambda-adapter-$version.pom" ] \
  || { echo "consumer-test: no tracex-lambda-adapter $version in $STAGING" >&2; exit 1; }

rm -rf "$WORK"
mkdir -p "$WORK/third-party/dev"
# ~/.m2 as a repository without tracex: a link per top-level directory, dev/ rebuilt without dev/tracex.
for d in "$M2"/*; do
  [ "$(basename "$d")" = dev ] || ln -s "$d" "$WORK/third-party/"
done
if [ -d "$M2/dev" ]; then
  for d in "$M2"/dev/*; do
    [ "$(basename "$d")" = tracex ] || ln -s "$d" "$WORK/third-party/dev/"
  done
fi
export TRACEX_STAGING_URL=file://$STAGING TRACEX_THIRD_PARTY_URL=file://$WORK/third-party
consumer_mvn() {
  mvn -B -q -s "$ROOT/release/consumer-test/settings.xml" -Dmaven.repo.local="$WORK/repository" "$@"
}

# snippet SECTION N: the Nth ```xml block of README.md's section titled SECTION ("### ..."), verbatim.
snippet() {
  awk -v section="$1" -v n="$2" '/^##+ /{in_section=($0==section)} in_section && /^```xml$/{k++; if(k==n){on=1; next}}
    on && /^```$/{exit} on{print}' README.md
}

cp -r release/consumer-test/runtime "$WORK/runtime-project"
consumer_mvn -f "$WORK/runtime-project/pom.xml" package

failed=0
# dependency, bom: each dependency snippet alone (no rules file: builtin.default). plugin: the dependency snippet and the
# plugin snippet, with a rules file whose rule the function selects; the build precompiles it, the function loads it.
for variant in dependency bom plugin; do
  n=$([ $variant = bom ] && echo 2 || echo 1)
  block=$(snippet "### As a Maven dependency" "$n")
  [ -n "$block" ] || { echo "consumer-test: README.md has no snippet $n in \"As a Maven dependency\"" >&2; exit 1; }
  project=$WORK/function-$variant
  cp -r release/consumer-test/function "$project"
  if [ $variant != bom ]; then
    block=$'  <dependencies>\n'"$block"$'\n  </dependencies>'
  fi
  plugin=""
  env_=()
  if [ $variant = plugin ]; then
    plugin=$(snippet "### Check rules in the build" 1)
    [ -n "$plugin" ] || { echo "consumer-test: README.md has no snippet in \"Check rules in the build\"" >&2; exit 1; }
    mkdir -p "$project/src/main/resources"
    printf 'extractors:\n  http:\n    headers: $.headers\n' > "$project/src/main/resources/extractors.yaml"
    env_=(DD_TRACE_EXTRACTOR=extractors.http DD_LOG_LEVEL=debug)
  fi
  awk -v block="$block" -v plugin="$plugin" '$0=="@TRACEX@"{print block; next} $0=="@TRACEX_PLUGIN@"{print plugin; next} {print}' \
    "$project/pom.xml.in" > "$project/pom.xml"
  rm "$project/pom.xml.in"
  consumer_mvn -f "$project/pom.xml" package
  cp -r "$project/target/classes/." "$project/target/task/"
  answer=$(java release/consumer-test/RunUnderRuntimeClient.java "$project/target/task" "$WORK/runtime-project/target/runtime" \
    com.example.orders.OrderHandler::handleRequest "$EVENT" "${env_[@]}") || { failed=1; continue; }
  if [ "$answer" != "$EXPECTED" ]; then
    echo "consumer-test: README $variant snippet: the handler answered $answer, expected $EXPECTED; the function's output:" >&2
    cat "$project/target/function.log" >&2
    failed=1
  elif [ $variant = plugin ] && ! grep -q "extractor http (then builtin.default) loaded from its rules file's precompiled form" \
      "$project/target/function.log"; then
    echo "consumer-test: README plugin snippet: the function did not load the precompiled rules; its output:" >&2
    cat "$project/target/function.log" >&2
    failed=1
  else
    echo "consumer-test: README $variant snippet: the handler got the event's context: $answer"
  fi
done

# Every tracex artifact the two builds used came from the staging directory (the local repository records where).
origins=$(find "$WORK/repository/dev/tracex" -name _remote.repositories -exec grep -h '^[^#]' {} + | sort -u)
echo "$origins" | grep -v '>tracex-staging=$' && { echo "consumer-test: tracex artifacts from elsewhere than staging" >&2; failed=1; }
echo "consumer-test: tracex artifacts resolved, all from the staging directory: $(echo "$origins" | sed 's/>.*//' | tr '\n' ' ')"
[ "$failed" = 0 ] && echo "consumer-test: 3 passed, 0 failed" || echo "consumer-test: FAILED"
exit $failed
