#!/usr/bin/env bash
# Publishes tracex's two Lambda layers, public, to a list of regions, and writes the Markdown table of their
# ARNs that the release notes carry. For the release workflow, after `mvn package`; run it by hand with
# --dry-run to see the exact aws calls. `./release/publish-layer.sh --help` for the options.
#
# Per region and layer: `aws lambda publish-layer-version` (one version for x86_64 and arm64: the layers are
# jars and a POSIX sh script, nothing native), then `aws lambda add-layer-version-permission` with principal
# `*` so that any account can attach it. Credentials and everything else the aws CLI reads come from its
# environment (AWS_ACCESS_KEY_ID..., AWS_PROFILE, a web identity in CI); none is read or kept here. The region
# of each call is given with --region, so the environment's default region does not matter.
#
# Lambda takes a layer zip in the request up to 50 MB (1 MB = 1024 KB), larger ones from S3 in the layer's
# region ("Lambda quotas", https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html):
# with --s3-bucket every zip goes through S3, without it a zip over the limit stops the script before any call.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
me=$(basename "$0")

# Every commercial (aws partition) region; Lambda, layers included, is in each. The opt-in ones (af-south-1,
# ap-east-1, ...) must be enabled for the publishing account. Not China (aws-cn) or GovCloud (aws-us-gov):
# other partitions, other accounts.
default_regions=(
  us-east-1 us-east-2 us-west-1 us-west-2
  af-south-1
  ap-east-1 ap-east-2 ap-northeast-1 ap-northeast-2 ap-northeast-3 ap-south-1 ap-south-2
  ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 ap-southeast-5 ap-southeast-6 ap-southeast-7
  ca-central-1 ca-west-1
  eu-central-1 eu-central-2 eu-north-1 eu-south-1 eu-south-2 eu-west-1 eu-west-2 eu-west-3
  il-central-1 me-central-1 me-south-1
  mx-central-1 sa-east-1
)
runtimes=(java17 java21 java25)
architectures=(x86_64 arm64)
license=Apache-2.0
statement_id=public-read
direct_upload_limit=$((50 * 1024 * 1024))

usage() {
  cat <<EOF
Usage: $me [options]

Publishes the tracex Lambda layer (YAML rules) and its JS add-on to each region, for ${runtimes[*]} on
${architectures[*]}, license $license, readable by every AWS account; prints the Markdown table of their ARNs.

  --version VERSION      the version in the layers' descriptions and S3 keys (default: the version of the
                         tracex-lambda-adapter jar in the layer zip; when given, it must match that jar)
  --regions LIST         regions, separated by commas or spaces (default: the list below)
  --layer-zip FILE       default: lambda-adapter/target/tracex-lambda-layer.zip
  --js-zip FILE          default: lambda-adapter/target/tracex-lambda-layer-js.zip
  --layer-name NAME      default: tracex
  --js-layer-name NAME   default: tracex-js
  --s3-bucket BUCKET     upload the zips to S3 first and publish from there; needed for a zip over 50 MB.
                         {region} in BUCKET becomes the region: the bucket must be in the layer's region.
  --table FILE           also write the ARN table to FILE
  --endpoint-url URL     passed to every aws call (a local stand-in of the AWS APIs)
  --dry-run              print the aws calls, as a shell script, instead of running them
  -h, --help             this help

Default regions (every commercial region; the opt-in ones must be enabled for the account):
$(printf '%s\n' "${default_regions[@]}" | paste -sd' ' | fold -s -w 100 | sed 's/ *$//; s/^/  /')

Credentials come from the aws CLI's environment, e.g. AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.
EOF
}

die() {
  echo "$me: $*" >&2
  exit 1
}

version=''
regions=()
layer_zip=$root/lambda-adapter/target/tracex-lambda-layer.zip
js_zip=$root/lambda-adapter/target/tracex-lambda-layer-js.zip
layer_name=tracex
js_layer_name=tracex-js
s3_bucket=''
table_file=''
endpoint=()
dry_run=false

while [ $# -gt 0 ]; do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --dry-run) dry_run=true; shift; continue ;;
    --version | --regions | --layer-zip | --js-zip | --layer-name | --js-layer-name | --s3-bucket | --table | --endpoint-url)
      [ $# -ge 2 ] || die "$1 needs a value (--help)" ;;
    *) die "unknown argument '$1' (--help)" ;;
  esac
  case $1 in
    --version) version=$2 ;;
    --regions)
      IFS=', ' read -r -a regions <<<"$2"
      # An empty list (an unset variable in a workflow) must not mean every region.
      [ ${#regions[@]} -gt 0 ] || die "--regions is empty" ;;
    --layer-zip) layer_zip=$2 ;;
    --js-zip) js_zip=$2 ;;
    --layer-name) layer_name=$2 ;;
    --js-layer-name) js_layer_name=$2 ;;
    --s3-bucket) s3_bucket=$2 ;;
    --table) table_file=$2 ;;
    --endpoint-url) endpoint=(--endpoint-url "$2") ;;
  esac
  shift 2
done

[ ${#regions[@]} -gt 0 ] || regions=("${default_regions[@]}")
for region in "${regions[@]}"; do
  [[ $region =~ ^[a-z]{2}(-[a-z]+)+-[0-9]+$ ]] || die "'$region' is not a region name"
done
for name in "$layer_name" "$js_layer_name"; do
  # Lambda's LayerName pattern, less the ARN form.
  [[ $name =~ ^[a-zA-Z0-9_-]{1,140}$ ]] || die "'$name' is not a layer name"
done
if [ -n "$table_file" ] && [ ! -d "$(dirname "$table_file")" ]; then
  die "--table $table_file: no such directory"
fi
if [ -n "$s3_bucket" ] && [ ${#regions[@]} -gt 1 ] && [[ $s3_bucket != *'{region}'* ]]; then
  die "--s3-bucket $s3_bucket serves one region: Lambda reads a layer from a bucket in the layer's own region; put {region} in the name"
fi

for zip in "$layer_zip" "$js_zip"; do
  [ -f "$zip" ] || die "$zip does not exist: build it with \`mvn -B package -pl lambda-adapter -am\`"
  size=$(wc -c <"$zip")
  if [ -z "$s3_bucket" ] && [ "$size" -gt "$direct_upload_limit" ]; then
    die "$zip is $size bytes, over the $direct_upload_limit bytes Lambda takes in a request: pass --s3-bucket"
  fi
done

# The version of what is published, read from the zip itself rather than the checkout's POM, so that a layer
# is never described with another version than the one it holds.
command -v unzip >/dev/null || die "unzip is needed to read the layer zip's version (Debian/Ubuntu: apt-get install unzip)"
jar_version=$(unzip -Z1 "$layer_zip" | sed -n 's|^java/lib/tracex-lambda-adapter-\(.*\)\.jar$|\1|p') \
  || die "$layer_zip cannot be read as a zip (above)"
[ -n "$jar_version" ] || die "$layer_zip holds no java/lib/tracex-lambda-adapter-*.jar: not a tracex layer"
if [ -z "$version" ]; then
  version=$jar_version
elif [ "$version" != "$jar_version" ]; then
  die "--version $version, but $layer_zip holds tracex-lambda-adapter-$jar_version.jar"
fi

yaml_description="tracex $version: trace context from AWS events for Java functions. AWS_LAMBDA_EXEC_WRAPPER=/opt/tracex-wrapper"
js_description="tracex $version JS add-on: GraalJS for js: rules; add it with the $layer_name layer"

# show ARG...: sets $shown to the command line as a shell reads it, each argument bare when that is safe, else
# in single quotes. No subshells: a dry run over every region shows thousands of arguments.
show() {
  shown=''
  local arg
  for arg in "$@"; do
    if [[ $arg =~ ^[A-Za-z0-9_./:=,@+%-]+$ ]]; then
      shown+="${shown:+ }$arg"
    else
      shown+="${shown:+ }'${arg//\'/\'\\\'\'}'"
    fi
  done
}

if [ "$dry_run" = false ]; then
  command -v aws >/dev/null || die "the aws CLI is not on the PATH (https://docs.aws.amazon.com/cli/)"
  # The CLI v2 pages output through `less` on a terminal; this script reads it.
  export AWS_PAGER=''
fi

# publish NAME ZIP DESCRIPTION REGION: publishes one layer version and makes it public; sets $arn.
publish() {
  local name=$1 zip=$2 description=$3 region=$4
  local content=(--zip-file "fileb://$zip")
  if [ -n "$s3_bucket" ]; then
    local bucket=${s3_bucket//\{region\}/$region} key
    key="tracex/$version/${zip##*/}"
    local put=(aws s3api put-object "${endpoint[@]}" --region "$region" --bucket "$bucket" --key "$key"
      --body "$zip" --content-type application/zip --query ETag --output text)
    if [ "$dry_run" = true ]; then
      show "${put[@]}"
      echo "$shown >/dev/null"
    else
      "${put[@]}" >/dev/null || die "uploading $zip to s3://$bucket/$key failed (above)"
    fi
    content=(--content "S3Bucket=$bucket,S3Key=$key")
  fi
  local pub=(aws lambda publish-layer-version "${endpoint[@]}" --region "$region" --layer-name "$name"
    --description "$description" --license-info "$license" --compatible-runtimes "${runtimes[@]}"
    --compatible-architectures "${architectures[@]}" "${content[@]}" --query LayerVersionArn --output text)
  local grant=(aws lambda add-layer-version-permission "${endpoint[@]}" --region "$region" --layer-name "$name"
    --statement-id "$statement_id" --action lambda:GetLayerVersion --principal '*' --query RevisionId --output text)
  if [ "$dry_run" = true ]; then
    show "${pub[@]}"
    echo "arn=\$($shown)"
    show "${grant[@]}"
    echo "$shown --version-number \"\${arn##*:}\" >/dev/null"
    return
  fi
  arn=$("${pub[@]}") || die "publishing $name in $region failed (above); the versions listed before it are published and public"
  [[ $arn =~ ^arn:aws[a-z-]*:lambda:$region:[0-9]{12}:layer:$name:[0-9]+$ ]] \
    || die "publishing $name in $region answered '$arn', not a layer version ARN of that region"
  "${grant[@]}" --version-number "${arn##*:}" >/dev/null \
    || die "$arn is published but not public: granting lambda:GetLayerVersion to * failed (above)"
  echo "$me: $arn published, public" >&2
}

rows=()
for region in "${regions[@]}"; do
  arn=''
  publish "$layer_name" "$layer_zip" "$yaml_description" "$region"
  yaml_arn=$arn
  publish "$js_layer_name" "$js_zip" "$js_description" "$region"
  rows+=("| $region | ${architectures[0]}, ${architectures[1]} | \`$yaml_arn\` | \`$arn\` |")
done

[ "$dry_run" = false ] || exit 0

table=$(
  echo "| Region | Architectures | YAML layer ARN | JS add-on ARN |"
  echo "|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
)
# Printed first: should the file fail to be written, the ARNs of what is published are not lost.
printf '%s\n' "$table"
[ -z "$table_file" ] || printf '%s\n' "$table" >"$table_file"
