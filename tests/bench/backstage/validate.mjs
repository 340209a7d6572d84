// Reads and validates Backstage descriptor files the way Backstage's catalog backend does, with Backstage's own
// packages, so that tests/bench/run.sh can time Portolan's `portolan-cli validate` against it on the same files.
//
//   node validate.mjs [--runs N] FOLDER...
//
// What it does, per file, as plugins/catalog-backend does for a `file` location:
//   1. read the file (fs.readFileSync: synchronous, which favours this side: the backend reads asynchronously);
//   2. parseEntityYaml: yaml.parseAllDocuments(text), a document with errors is an error, document.toJSON(), null
//      documents skipped, anything but a plain object is an error;
//   3. PlaceholderProcessor: {$text|$json|$yaml: path} values replaced by that file's text, JSON or YAML (relative
//      to the descriptor);
//   4. the entity policies CatalogBuilder installs by default, in its order: SchemaValidEntityPolicy,
//      DefaultNamespaceEntityPolicy, NoForeignRootFieldsEntityPolicy, FieldFormatEntityPolicy (EntityPolicies.allOf);
//   5. BuiltinKindsEntityProcessor.validateEntityKind: the kind validators of @backstage/catalog-model (Component,
//      API, Resource, System, Domain, Group, User, Location), the first whose kind matches checks the entity.
// Documents without apiVersion and kind (an OpenAPI file in the same folder) are skipped, not errors, and files that
// are the target of a $text/$json/$yaml are not read as descriptors: Portolan's folder scan does both.
// Not done here (and not done by `portolan-cli validate` either): the database, relations, stitching, search.
//
// Prints one JSON line: {files, documents, entities, errors, skipped, runs: [ms...]} where ms is the time of one
// whole pass in this process (after Node and the packages are loaded).
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import {
    EntityPolicies,
    SchemaValidEntityPolicy,
    DefaultNamespaceEntityPolicy,
    NoForeignRootFieldsEntityPolicy,
    FieldFormatEntityPolicy,
    apiEntityV1alpha1Validator,
    componentEntityV1alpha1Validator,
    resourceEntityV1alpha1Validator,
    groupEntityV1alpha1Validator,
    locationEntityV1alpha1Validator,
    userEntityV1alpha1Validator,
    systemEntityV1alpha1Validator,
    domainEntityV1alpha1Validator,
} from '@backstage/catalog-model';

const args = process.argv.slice(2);
let runs = 1;
const roots = [];
for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--runs') {
        runs = Number(args[++i]);
    } else {
        roots.push(args[i]);
    }
}
if (roots.length === 0) {
    console.error('usage: node validate.mjs [--runs N] FOLDER...');
    process.exit(2);
}

const policy = EntityPolicies.allOf([
    new SchemaValidEntityPolicy(),
    new DefaultNamespaceEntityPolicy(),
    new NoForeignRootFieldsEntityPolicy(),
    new FieldFormatEntityPolicy(),
]);
const kindValidators = [
    apiEntityV1alpha1Validator,
    componentEntityV1alpha1Validator,
    resourceEntityV1alpha1Validator,
    groupEntityV1alpha1Validator,
    locationEntityV1alpha1Validator,
    userEntityV1alpha1Validator,
    systemEntityV1alpha1Validator,
    domainEntityV1alpha1Validator,
];

function yamlFiles(dir, out) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
            yamlFiles(p, out);
        } else if (e.isFile() && /\.ya?ml$/.test(e.name)) {
            out.push(p);
        }
    }
    return out;
}

// The files a descriptor substitutes ($text, $json, $yaml): not descriptors themselves.
function placeholderTargets(value, dir, out) {
    if (Array.isArray(value)) {
        value.forEach((v) => placeholderTargets(v, dir, out));
    } else if (value && typeof value === 'object') {
        const keys = Object.keys(value);
        if (keys.length === 1 && ['$text', '$json', '$yaml'].includes(keys[0]) && typeof value[keys[0]] === 'string') {
            out.add(path.resolve(dir, value[keys[0]]));
            return;
        }
        keys.forEach((k) => placeholderTargets(value[k], dir, out));
    }
}

// PlaceholderProcessor's substitution, for a local file.
function substitute(value, dir) {
    if (Array.isArray(value)) {
        return value.map((v) => substitute(v, dir));
    }
    if (value && typeof value === 'object') {
        const keys = Object.keys(value);
        if (keys.length === 1 && keys[0].startsWith('$')) {
            const target = path.resolve(dir, value[keys[0]]);
            const text = fs.readFileSync(target, 'utf8');
            if (keys[0] === '$text') {
                return text;
            }
            if (keys[0] === '$json') {
                return JSON.parse(text);
            }
            if (keys[0] === '$yaml') {
                return yaml.parse(text);
            }
        }
        const out = {};
        for (const k of keys) {
            out[k] = substitute(value[k], dir);
        }
        return out;
    }
    return value;
}

async function pass(files) {
    const stats = { files: 0, documents: 0, entities: 0, errors: 0, skipped: 0 };
    // Each document is parsed and turned into JSON once; the files that are placeholder targets are known only after
    // every file was read, so validation is a second loop over what was parsed.
    const parsed = [];
    const targets = new Set();
    for (const file of files) {
        const documents = yaml
            .parseAllDocuments(fs.readFileSync(file, 'utf8'))
            .filter((d) => d)
            .map((d) => (d.errors?.length ? { error: d.errors[0] } : { json: d.toJSON() }));
        parsed.push([file, documents]);
        for (const d of documents) {
            if (d.json) {
                placeholderTargets(d.json, path.dirname(file), targets);
            }
        }
    }
    for (const [file, documents] of parsed) {
        if (targets.has(path.resolve(file))) {
            continue;
        }
        ++stats.files;
        for (const { error, json } of documents) {
            ++stats.documents;
            if (error) {
                ++stats.errors;
                continue;
            }
            if (json === null) {
                continue;
            }
            if (typeof json !== 'object' || Array.isArray(json)) {
                ++stats.errors;
                continue;
            }
            if (!('apiVersion' in json) || !('kind' in json)) {
                ++stats.skipped;
                continue;
            }
            try {
                const entity = await policy.enforce(substitute(json, path.dirname(file)));
                let known = false;
                for (const validator of kindValidators) {
                    if (await validator.check(entity)) {
                        known = true;
                        break;
                    }
                }
                if (!known) {
                    throw new Error(`Unsupported object ${entity.apiVersion}, ${entity.kind}`);
                }
                ++stats.entities;
            } catch (e) {
                ++stats.errors;
                if (stats.errors <= 5) {
                    console.error(`${file}: ${e.message}`);
                }
            }
        }
    }
    return stats;
}

const files = roots.flatMap((r) => (fs.statSync(r).isDirectory() ? yamlFiles(r, []) : [r])).sort();
const times = [];
let stats;
for (let r = 0; r < runs; ++r) {
    const start = process.hrtime.bigint();
    stats = await pass(files);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
console.log(JSON.stringify({ ...stats, runs: times, node: process.version }));
