// Validates a Teams app manifest and its localisation files against the official schemas of the manifest's
// own manifestVersion, as the npm package @microsoft/app-manifest bundles them (nothing is fetched).
//   node validate.mjs <manifest.json> [<localisation.json> ...]
// Prints "valid <file>" per file, or every schema error; exits 1 when any file is invalid.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const [manifestPath, ...localisationPaths] = process.argv.slice(2);
if (!manifestPath) {
  console.error("usage: node validate.mjs <manifest.json> [<localisation.json> ...]");
  process.exit(2);
}

const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const schemaRoot = join(dirname(require.resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas", "teams", `v${manifest.manifestVersion}`);

function validator(file) {
  const schema = JSON.parse(readFileSync(join(schemaRoot, file), "utf8"));
  // The localisation schema's patterns are not valid in Unicode mode (e.g. "\b]"): compile them as browsers do.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

let failed = false;
function check(validate, path, document) {
  if (validate(document)) {
    console.log(`valid ${path}`);
    return;
  }
  failed = true;
  for (const error of validate.errors) {
    console.log(`invalid ${path}: ${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
  }
}

check(validator("MicrosoftTeams.schema.json"), manifestPath, manifest);
const localisation = validator("MicrosoftTeams.Localization.schema.json");
for (const path of localisationPaths) {
  check(localisation, path, JSON.parse(readFileSync(path, "utf8")));
}
process.exit(failed ? 1 : 0);
