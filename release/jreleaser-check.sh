#!/usr/bin/env bash
# Validates jreleaser.yml as the release would load it, offline and with nothing uploaded: JReleaser's config goal
# in dry-run mode, with dummy credentials in the environment (it checks that each one is set, not what it is).
# JReleaser reads the git repository (HEAD, and the origin remote for the GitHub release's owner/name), which a CI
# clone of a local path or a git worktree does not give it in a form it reads; so the check runs in a scratch clone
# of HEAD with this working tree's files over it and origin set to the GitHub repository (a config value only:
# nothing is fetched).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/target/jreleaser-check
rm -rf "$WORK"
git clone -q --no-hardlinks "$ROOT" "$WORK"
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$WORK"
git -C "$WORK" remote set-url origin https://github.com/tracex-dev/tracex.git
cd "$WORK"
export JRELEASER_GITHUB_TOKEN=dummy JRELEASER_MAVENCENTRAL_USERNAME=dummy JRELEASER_MAVENCENTRAL_PASSWORD=dummy \
  JRELEASER_GPG_PASSPHRASE=dummy JRELEASER_GPG_PUBLIC_KEY=dummy JRELEASER_GPG_SECRET_KEY=dummy
if mvn -B -N jreleaser:config -Djreleaser.dry.run=true >"$WORK.log" 2>&1; then
  echo "jreleaser-check: jreleaser.yml is valid ($(grep -c . "$WORK/target/jreleaser/output.properties" 2>/dev/null || echo 0) resolved settings; log in target/jreleaser-check.log)"
  echo "jreleaser-check: 1 passed, 0 failed"
else
  grep -E '\[ERROR\]|^ *- ' "$WORK.log" >&2 || cat "$WORK.log" >&2
  echo "jreleaser-check: 0 passed, 1 failed"
  exit 1
fi
