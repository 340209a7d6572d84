#!/usr/bin/env node
// Backstage reference harness for Portolan's compatibility tests.
//
// Runs Backstage's OWN npm packages (catalog-model policies and kind
// validators, catalog-node's parseEntityYaml, catalog-backend's
// PlaceholderProcessor / BuiltinKindsEntityProcessor /
// DefaultCatalogProcessingOrchestrator, the scaffolder catalog module's
// ScaffolderEntitiesProcessor) over the read-only corpus in
// shared/corpus/backstage and writes tests/data/backstage-expected.json.
//
// See README.md next to this file for what every output field means.
//
// Usage: node reference.mjs [--corpus DIR] [--out FILE] [--check]
//   --check  regenerate in memory and compare with FILE; exit 1 on any
//            difference (nothing is written).

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- arguments
function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const repoRoot = path.resolve(here, '..', '..', '..');
const CORPUS = path.resolve(
  argValue('--corpus', path.resolve(repoRoot, '..', 'shared', 'corpus', 'backstage')),
);
const OUT = path.resolve(
  argValue('--out', path.join(repoRoot, 'tests', 'data', 'backstage-expected.json')),
);

// ------------------------------------------------------------ the packages
const yaml = require('yaml');
const cm = require('@backstage/catalog-model');
const cmAlpha = require('@backstage/catalog-model/alpha');
const { parseEntityYaml } = require('@backstage/plugin-catalog-node');
const {
  BuiltinKindsEntityProcessor,
  PlaceholderProcessor,
} = require('@backstage/plugin-catalog-backend');
const {
  ScaffolderEntitiesProcessor,
} = require('@backstage/plugin-catalog-backend-module-scaffolder-entity-model');
const { templateEntityV1beta3Validator } = require('@backstage/plugin-scaffolder-common');
const { ScmIntegrations } = require('@backstage/integration');
const { ConfigReader } = require('@backstage/config');

// Unexported internals of plugin-catalog-backend, loaded by file path (the
// package "exports" map only guards bare specifiers). They are pinned by the
// exact version in package.json / package-lock.json.
const backendDist = path.dirname(require.resolve('@backstage/plugin-catalog-backend'));
const {
  DefaultCatalogProcessingOrchestrator,
} = require(path.join(backendDist, 'processing', 'DefaultCatalogProcessingOrchestrator.cjs.js'));
const {
  jsonPlaceholderResolver,
  yamlPlaceholderResolver,
  textPlaceholderResolver,
} = require(path.join(backendDist, 'processors', 'PlaceholderProcessor.cjs.js'));

function pkgVersion(name) {
  // Resolve <name>/package.json from node_modules without relying on "exports".
  const p = path.join(here, 'node_modules', ...name.split('/'), 'package.json');
  return JSON.parse(fs.readFileSync(p, 'utf8')).version;
}

const PACKAGES = [
  '@backstage/catalog-model',
  '@backstage/plugin-catalog-backend',
  '@backstage/plugin-catalog-node',
  '@backstage/plugin-catalog-backend-module-scaffolder-entity-model',
  '@backstage/plugin-scaffolder-common',
  '@backstage/integration',
  '@backstage/errors',
  'yaml',
  'ajv',
];

// ------------------------------------------------------------ constants
// Virtual locations (never the real absolute path, so the output does not
// depend on where the corpus lives).
const VIRTUAL_ROOT_URL = 'file:///corpus/';
const virtualUrl = rel => VIRTUAL_ROOT_URL + rel;
const virtualPath = rel => `/corpus/${rel}`;
function upstreamGithubUrl(rel) {
  const st = 'software-templates/';
  if (rel.startsWith(st)) {
    return `https://github.com/backstage/software-templates/blob/main/${rel.slice(st.length)}`;
  }
  return `https://github.com/backstage/backstage/blob/master/${rel}`;
}

// Scaffolder skeleton markers (tolerant of the `${{values.x}}` spelling,
// which is how most skeletons in the corpus write it).
const SKELETON_RE = [/\$\{\{\s*values\./, /\{\{\s*cookiecutter[.\s]/];

// Built-in kind validators exactly as BuiltinKindsEntityProcessor lists them.
const BUILTIN_VALIDATORS = [
  ['apiEntityV1alpha1Validator', cm.apiEntityV1alpha1Validator],
  ['componentEntityV1alpha1Validator', cm.componentEntityV1alpha1Validator],
  ['resourceEntityV1alpha1Validator', cm.resourceEntityV1alpha1Validator],
  ['groupEntityV1alpha1Validator', cm.groupEntityV1alpha1Validator],
  ['locationEntityV1alpha1Validator', cm.locationEntityV1alpha1Validator],
  ['userEntityV1alpha1Validator', cm.userEntityV1alpha1Validator],
  ['systemEntityV1alpha1Validator', cm.systemEntityV1alpha1Validator],
  ['domainEntityV1alpha1Validator', cm.domainEntityV1alpha1Validator],
];
// Any further *EntityV1alpha1Validator / *EntityV1alpha2Validator exported
// from the package root would be a built-in kind too; collect them so a
// package upgrade that adds one is not silently missed.
for (const [name, v] of Object.entries(cm).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  if (/EntityV1alpha\dValidator$/.test(name) && !BUILTIN_VALIDATORS.some(([n]) => n === name)) {
    BUILTIN_VALIDATORS.push([name, v]);
  }
}
const PLUGIN_VALIDATORS = [
  // What the scaffolder's catalog module (ScaffolderEntitiesProcessor) uses.
  ['templateEntityV1beta3Validator', templateEntityV1beta3Validator],
];
// Validators exported only from @backstage/catalog-model/alpha. A stock
// catalog backend does NOT use them (BuiltinKindsEntityProcessor does not list
// them, and the model-layer ModelProcessor is only active when a model source
// is registered); they are run for information only.
const ALPHA_VALIDATORS = Object.entries(cmAlpha)
  .filter(([name]) => /Validator$/.test(name))
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

// Kinds that the stock validators know, read from the validators' own JSON
// schemas (kind + apiVersion enums), so "unknown kind" means exactly "no
// validator's schema names this kind".
function schemaEnums(schema) {
  const out = { kinds: [], apiVersions: [] };
  const visit = s => {
    if (!s || typeof s !== 'object') return;
    if (s.properties?.kind?.enum) out.kinds.push(...s.properties.kind.enum);
    if (s.properties?.apiVersion?.enum) out.apiVersions.push(...s.properties.apiVersion.enum);
    for (const sub of s.allOf ?? []) visit(sub);
  };
  visit(schema);
  return out;
}
const cmDist = path.dirname(require.resolve('@backstage/catalog-model'));
const scDist = path.dirname(require.resolve('@backstage/plugin-scaffolder-common'));
const KNOWN_KINDS = new Map(); // kind -> Set(apiVersion)
function addKnown(schemaFile) {
  const { kinds, apiVersions } = schemaEnums(require(schemaFile).default);
  for (const k of kinds) {
    if (!KNOWN_KINDS.has(k)) KNOWN_KINDS.set(k, new Set());
    for (const v of apiVersions) KNOWN_KINDS.get(k).add(v);
  }
}
for (const f of fs.readdirSync(path.join(cmDist, 'schema', 'kinds')).sort()) {
  // Only the schemas behind the root-exported (stock) validators.
  if (/^(API|Component|Domain|Group|Location|Resource|System|User)\.v1alpha1\.schema\.json\.cjs\.js$/.test(f)) {
    addKnown(path.join(cmDist, 'schema', 'kinds', f));
  }
}
addKnown(path.join(scDist, 'Template.v1beta3.schema.json.cjs.js'));

// ------------------------------------------------------------ helpers
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const clone = v => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
const errMsg = e => (e instanceof Error ? e.message : String(e));
const errFull = e => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

function listYamlFiles(root) {
  const out = [];
  const walk = dir => {
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, ent.name);
      if (ent.isDirectory()) walk(abs);
      else if (ent.isFile() && /\.(ya?ml)$/i.test(ent.name)) {
        out.push(path.relative(root, abs).split(path.sep).join('/'));
      }
    }
  };
  walk(root);
  return out.sort(cmp);
}

const silentLogger = {
  child() {
    return silentLogger;
  },
  error() {},
  warn() {},
  info() {},
  debug() {},
};

// UrlReader stand-in. Only file:///corpus/... URLs are read (from the
// corpus); any other URL is NOT fetched: its content is the URL string itself.
function makeReader(notes) {
  return {
    async readUrl(url) {
      if (url.startsWith(VIRTUAL_ROOT_URL)) {
        const rel = decodeURIComponent(url.slice(VIRTUAL_ROOT_URL.length));
        const abs = path.resolve(CORPUS, rel);
        if (!abs.startsWith(CORPUS + path.sep)) {
          throw new Error(`refusing to read outside the corpus: ${url}`);
        }
        const buf = fs.readFileSync(abs);
        notes?.push({ url, mode: 'relative-file', file: rel, bytes: buf.length });
        return { buffer: async () => buf };
      }
      notes?.push({ url, mode: 'remote-url-not-fetched' });
      return { buffer: async () => Buffer.from(url, 'utf8') };
    },
  };
}
// A reader for the "what would stock Backstage do" probes: never reads.
const probeReader = {
  async readUrl() {
    return { buffer: async () => Buffer.from('probe', 'utf8') };
  },
};

const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));
const RESOLVERS = {
  json: jsonPlaceholderResolver,
  yaml: yamlPlaceholderResolver,
  text: textPlaceholderResolver,
};

// Finds placeholders the same way PlaceholderProcessor walks the data: an
// object whose keys include one starting with '$', that has exactly one key,
// and whose resolver exists.
function findPlaceholders(data, at = '') {
  const found = [];
  if (!data || !(data instanceof Object)) return found;
  if (Array.isArray(data)) {
    data.forEach((item, i) => found.push(...findPlaceholders(item, `${at}[${i}]`)));
    return found;
  }
  const keys = Object.keys(data);
  if (!keys.some(k => k.startsWith('$'))) {
    for (const [k, v] of Object.entries(data)) {
      found.push(...findPlaceholders(v, at ? `${at}.${k}` : k));
    }
    return found;
  }
  if (keys.length === 1 && RESOLVERS[keys[0].substring(1)]) {
    found.push({ path: at, key: keys[0], value: data[keys[0]] });
  }
  return found;
}

async function probePlaceholder(entity, location) {
  const p = new PlaceholderProcessor({ resolvers: RESOLVERS, reader: probeReader, integrations });
  try {
    await p.preProcessEntity(clone(entity), location, () => {});
    return { ok: true };
  } catch (e) {
    return { ok: false, error: errMsg(e) };
  }
}

// ------------------------------------------------------------ pipeline
function buildPolicy() {
  // Same list and order as CatalogBuilder.buildEntityPolicy() in
  // @backstage/plugin-catalog-backend (no extra policies configured).
  return cm.EntityPolicies.allOf([
    new cm.SchemaValidEntityPolicy(),
    new cm.DefaultNamespaceEntityPolicy(),
    new cm.NoForeignRootFieldsEntityPolicy(),
    new cm.FieldFormatEntityPolicy(cm.makeValidator({})),
  ]);
}
const POLICIES = [
  ['SchemaValidEntityPolicy', () => new cm.SchemaValidEntityPolicy()],
  ['DefaultNamespaceEntityPolicy', () => new cm.DefaultNamespaceEntityPolicy()],
  ['NoForeignRootFieldsEntityPolicy', () => new cm.NoForeignRootFieldsEntityPolicy()],
  ['FieldFormatEntityPolicy', () => new cm.FieldFormatEntityPolicy(cm.makeValidator({}))],
];
const entityEnvelopeValidator = cm.entityEnvelopeSchemaValidator();

class CorpusLocationReader {
  // Stands in for FileReaderProcessor/UrlReaderProcessor during the
  // Location-target step: every corpus file is processed on its own anyway.
  getProcessorName() {
    return 'CorpusLocationReader';
  }
  async readLocation() {
    return true;
  }
}

function makeOrchestrator(readerNotes) {
  const processors = [
    new PlaceholderProcessor({ resolvers: RESOLVERS, reader: makeReader(readerNotes), integrations }),
    new BuiltinKindsEntityProcessor(),
    new CorpusLocationReader(),
    new ScaffolderEntitiesProcessor(),
  ];
  return new DefaultCatalogProcessingOrchestrator({
    processors,
    integrations,
    rulesEnforcer: { isAllowed: () => true },
    logger: silentLogger,
    parser: async function* noParser() {},
    policy: buildPolicy(),
  });
}

async function runValidators(list, entity) {
  const recognizedBy = [];
  const threw = [];
  for (const [name, v] of list) {
    try {
      if (await v.check(entity)) recognizedBy.push(name);
    } catch (e) {
      threw.push({ validator: name, error: errMsg(e) });
    }
  }
  return { recognizedBy, threw };
}

// Processes one parsed document (a plain object) the way the catalog does.
async function processDocument(rel, json) {
  const doc = {
    kind: typeof json.kind === 'string' ? json.kind : null,
    apiVersion: typeof json.apiVersion === 'string' ? json.apiVersion : null,
    namespace: null,
    name: typeof json.metadata?.name === 'string' ? json.metadata.name : null,
    ref: null,
    valid: false,
    unknownKind: false,
    errors: [],
  };
  const info = {};

  // 1. Envelope check (ProcessorOutputCollector, before anything else).
  let envelopeOk = true;
  try {
    entityEnvelopeValidator(clone(json));
  } catch (e) {
    envelopeOk = false;
    info.envelopeError = errMsg(e);
    info.envelopeErrorFull = errFull(e);
  }

  // 2. Pre-processing: PlaceholderProcessor, then BuiltinKinds (sorts arrays).
  const readerNotes = [];
  const placeholders = findPlaceholders(json);
  let entity = clone(json);
  let placeholderError = null;
  try {
    const pp = new PlaceholderProcessor({
      resolvers: RESOLVERS,
      reader: makeReader(readerNotes),
      integrations,
    });
    entity = await pp.preProcessEntity(entity, { type: 'url', target: virtualUrl(rel) }, () => {});
    entity = await new BuiltinKindsEntityProcessor().preProcessEntity(entity);
  } catch (e) {
    placeholderError = errMsg(e);
  }
  if (placeholders.length) {
    info.placeholders = [];
    for (const ph of placeholders) {
      const isRemote = typeof ph.value === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(ph.value);
      const note = {
        path: ph.path,
        key: ph.key,
        value: ph.value,
        mode: isRemote ? 'remote-url-not-fetched' : 'relative-file',
      };
      if (isRemote) {
        note.note = 'Remote URL not fetched: the placeholder was replaced with the URL string itself.';
      } else {
        const read = readerNotes.find(n => n.mode === 'relative-file');
        if (read) {
          note.resolvedFile = read.file;
          note.bytes = read.bytes;
        }
      }
      info.placeholders.push(note);
    }
    // What stock Backstage does with the same placeholders for the two usual
    // ways of registering this file (computed by the real PlaceholderProcessor).
    const asFile = await probePlaceholder(json, { type: 'file', target: virtualPath(rel) });
    const asGithub = await probePlaceholder(json, { type: 'url', target: upstreamGithubUrl(rel) });
    info.placeholderStockBehaviour = {
      fileLocation: { target: `file:${virtualPath(rel)}`, ...asFile },
      githubUrlLocation: { target: `url:${upstreamGithubUrl(rel)}`, ...asGithub },
    };
  }

  // 3. Policies (allOf, catalog order) and 4. kind validators.
  let afterPolicy = null;
  let policyError = null;
  try {
    afterPolicy = await buildPolicy().enforce(clone(entity));
  } catch (e) {
    policyError = errMsg(e);
  }
  info.policyErrors = {};
  for (const [name, make] of POLICIES) {
    try {
      await make().enforce(clone(entity));
      info.policyErrors[name] = null;
    } catch (e) {
      info.policyErrors[name] = errMsg(e);
    }
  }

  const ns = afterPolicy?.metadata?.namespace ?? json.metadata?.namespace;
  doc.namespace = typeof ns === 'string' ? ns : cm.DEFAULT_NAMESPACE;
  if (doc.kind && doc.name) {
    doc.ref = `${doc.kind}:${doc.namespace}/${doc.name}`.toLowerCase();
  }

  const target = afterPolicy ?? entity;
  const stock = await runValidators([...BUILTIN_VALIDATORS, ...PLUGIN_VALIDATORS], target);
  const knownKind = doc.kind !== null && KNOWN_KINDS.has(doc.kind);
  // A document that has a kind string that no stock validator's schema names.
  // (Documents without any kind are not entities at all: unknownKind=false.)
  doc.unknownKind = doc.kind !== null && !knownKind;
  info.validators = { recognizedBy: stock.recognizedBy, threw: stock.threw };

  const alpha = await runValidators(ALPHA_VALIDATORS, target);
  const stockOk = !policyError && !placeholderError && !stock.threw.length && stock.recognizedBy.length;
  if (envelopeOk && !stockOk && (alpha.recognizedBy.length || alpha.threw.length)) {
    info.alphaValidators = {
      note: 'Validators exported only from @backstage/catalog-model/alpha; a stock catalog backend does not run them.',
      recognizedBy: alpha.recognizedBy,
      threw: alpha.threw,
    };
  }

  // The error(s) Backstage reports, in the order the catalog would hit them.
  const noProcessorMsg = () =>
    `No processor recognized the entity ${doc.ref ?? '?'} as valid, possibly caused by a foreign kind or apiVersion`;
  if (!envelopeOk) {
    doc.errors = [info.envelopeError];
    info.stage = 'envelope';
  } else if (placeholderError) {
    doc.errors = [placeholderError];
    info.stage = 'placeholder';
  } else if (policyError) {
    doc.errors = [policyError];
    info.stage = 'policy';
  } else if (stock.threw.length) {
    doc.errors = stock.threw.map(t => t.error);
    info.stage = 'validator';
  } else if (!stock.recognizedBy.length) {
    doc.errors = [noProcessorMsg()];
    info.stage = knownKind ? 'unsupportedApiVersion' : 'unknownKind';
  } else {
    info.stage = 'ok';
  }
  doc.valid = info.stage === 'ok';
  if (knownKind && info.stage === 'unsupportedApiVersion') doc.unsupportedApiVersion = true;

  // Cross-check with the real orchestrator (wrapped catalog messages).
  if (envelopeOk) {
    const annotated = clone(json);
    annotated.metadata = {
      ...annotated.metadata,
      annotations: {
        ...(annotated.metadata?.annotations ?? {}),
        [cm.ANNOTATION_ORIGIN_LOCATION]: `url:${virtualUrl(rel)}`,
        [cm.ANNOTATION_LOCATION]: `url:${virtualUrl(rel)}`,
      },
    };
    const result = await makeOrchestrator([]).process({ entity: annotated, state: {} });
    info.catalog = {
      ok: result.ok,
      errors: (result.errors ?? []).map(errFull),
    };
    info.emittedRelations = result.ok
      ? result.relations.map(r => ({
          source: cm.stringifyEntityRef(r.source),
          type: r.type,
          target: cm.stringifyEntityRef(r.target),
        }))
      : [];
    if (result.ok !== doc.valid) {
      info.crossCheckMismatch = `brief pipeline valid=${doc.valid} but orchestrator ok=${result.ok}`;
    }
  } else {
    info.catalog = {
      ok: false,
      errors: [info.envelopeErrorFull],
      note: 'Envelope failure: reported on the parent Location (the document never becomes an entity).',
    };
    info.emittedRelations = [];
  }
  return { doc, info };
}

// parseEntityYaml mirror with document indices; verified against the real
// parseEntityYaml output for every file.
function parseDocuments(rel, text) {
  const loc = cm.stringifyLocationRef({ type: 'url', target: virtualUrl(rel) });
  const out = [];
  let documents;
  try {
    documents = yaml.parseAllDocuments(text, { merge: false });
  } catch (e) {
    return { fileError: `Failed to parse YAML at ${loc}, ${e}` };
  }
  documents.forEach((d, index) => {
    if (!d) return;
    if (d.errors?.length) {
      out.push({ index, parseError: `YAML error at ${loc}, ${d.errors[0]}` });
      return;
    }
    const json = d.toJSON();
    if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
      out.push({ index, json });
    } else if (json === null) {
      out.push({ index, empty: true });
    } else {
      out.push({ index, parseError: `Expected object at root, got ${typeof json}` });
    }
  });
  return { docs: out };
}

function verifyAgainstParseEntityYaml(rel, text, parsed) {
  const real = [...parseEntityYaml(Buffer.from(text, 'utf8'), { type: 'url', target: virtualUrl(rel) })];
  const mine = parsed.fileError
    ? [{ type: 'error', message: parsed.fileError }]
    : parsed.docs
        .filter(d => !d.empty)
        .map(d => (d.parseError ? { type: 'error', message: d.parseError } : { type: 'entity', entity: d.json }));
  const theirs = real.map(r =>
    r.type === 'entity' ? { type: 'entity', entity: r.entity } : { type: 'error', message: r.error.message },
  );
  if (!isDeepStrictEqual(mine, theirs)) {
    throw new Error(`parse mirror disagrees with parseEntityYaml for ${rel}`);
  }
}

// ------------------------------------------------------------ main
async function main() {
  if (!fs.existsSync(CORPUS)) throw new Error(`corpus not found: ${CORPUS}`);
  const files = listYamlFiles(CORPUS);
  const outFiles = [];
  const catalog = new Map(); // ref -> {file, index, info}
  const conflicts = [];
  const all = []; // {file, doc, info}

  for (const rel of files) {
    const text = fs.readFileSync(path.join(CORPUS, rel), 'utf8');
    const fileRec = { file: rel, skeleton: false };
    if (SKELETON_RE.some(re => re.test(text))) {
      fileRec.skeleton = true;
      fileRec.documents = [];
      outFiles.push(fileRec);
      continue;
    }
    const parsed = parseDocuments(rel, text);
    verifyAgainstParseEntityYaml(rel, text, parsed);
    if (parsed.fileError) {
      fileRec.parseError = parsed.fileError;
      fileRec.documents = [];
      outFiles.push(fileRec);
      continue;
    }
    fileRec.documents = [];
    for (const d of parsed.docs) {
      if (d.empty) continue;
      if (d.parseError) {
        fileRec.documents.push({
          index: d.index,
          kind: null,
          namespace: null,
          name: null,
          ref: null,
          valid: false,
          unknownKind: false,
          errors: [d.parseError],
          parseError: d.parseError,
        });
        continue;
      }
      const { doc, info } = await processDocument(rel, d.json);
      const rec = { index: d.index, ...doc };
      fileRec.documents.push(rec);
      all.push({ file: rel, rec, info });
      if (doc.valid) {
        if (catalog.has(doc.ref)) {
          const first = catalog.get(doc.ref);
          conflicts.push({
            ref: doc.ref,
            kept: { file: first.file, index: first.rec.index },
            dropped: { file: rel, index: d.index },
          });
          rec.conflict = true;
        } else {
          catalog.set(doc.ref, { file: rel, rec, info });
        }
      }
    }
    outFiles.push(fileRec);
  }

  // ---- relations, as stored and stitched by the catalog
  // Rows: every relation emitted while processing an entity that is in the
  // catalog (conflicting duplicates are never processed). Stitching an entity
  // selects DISTINCT (type, target) over rows whose source is that entity; an
  // entity that is not in the catalog is never stitched.
  const rows = [];
  for (const [, ent] of catalog) {
    for (const r of ent.info.emittedRelations) rows.push(r);
  }
  const stitched = new Map(); // ref -> Map(key -> {type,targetRef})
  for (const r of rows) {
    if (!catalog.has(r.source)) continue;
    if (!stitched.has(r.source)) stitched.set(r.source, new Map());
    stitched.get(r.source).set(`${r.type}\0${r.target}`, { type: r.type, targetRef: r.target });
  }
  let totalRelations = 0;
  let totalTemplateOwnership = 0;
  for (const [ref, ent] of catalog) {
    const rels = [...(stitched.get(ref)?.values() ?? [])].sort(
      (a, b) => cmp(a.type, b.type) || cmp(a.targetRef, b.targetRef),
    );
    ent.rec.relations = rels.map(r => ({
      ...r,
      ...(catalog.has(r.targetRef) ? {} : { targetMissing: true }),
    }));
    ent.rec.relationCount = rels.length;
    ent.rec.emittedRelationCount = ent.info.emittedRelations.length;
    totalRelations += rels.length;
    for (const r of rels) {
      const src = ref.split(':')[0];
      const tgt = r.targetRef.split(':')[0];
      if ((src === 'template' && r.type === cm.RELATION_OWNED_BY) ||
          (tgt === 'template' && r.type === cm.RELATION_OWNER_OF)) {
        totalTemplateOwnership++;
      }
    }
  }

  // ---- attach diagnostic info to each document record
  for (const { rec, info } of all) {
    rec.stage = info.stage;
    if (info.envelopeError) rec.envelopeError = info.envelopeError;
    rec.policyErrors = info.policyErrors;
    rec.validators = info.validators;
    if (info.alphaValidators) rec.alphaValidators = info.alphaValidators;
    if (info.placeholders) {
      rec.placeholders = info.placeholders;
      rec.placeholderStockBehaviour = info.placeholderStockBehaviour;
    }
    rec.catalog = info.catalog;
    if (info.crossCheckMismatch) rec.crossCheckMismatch = info.crossCheckMismatch;
  }

  // ---- totals
  const totals = {
    files: outFiles.length,
    documents: 0,
    valid: 0,
    invalid: 0,
    unknownKind: 0,
    unsupportedApiVersion: 0,
    parseErrors: 0,
    byStage: {},
    skeletons: outFiles.filter(f => f.skeleton).length,
    catalogEntities: catalog.size,
    conflicts: conflicts.length,
    byKind: {},
    byKindAll: {},
    relations: totalRelations,
    relationsExcludingTemplateOwnership: totalRelations - totalTemplateOwnership,
    relationsDangling: 0,
  };
  for (const f of outFiles) {
    if (f.parseError) totals.parseErrors++;
    for (const d of f.documents) {
      totals.documents++;
      if (d.parseError) totals.parseErrors++;
      const st = d.stage ?? 'parse';
      totals.byStage[st] = (totals.byStage[st] ?? 0) + 1;
      const k = d.kind ?? '(none)';
      totals.byKindAll[k] = (totals.byKindAll[k] ?? 0) + 1;
      if (d.valid) {
        totals.valid++;
        totals.byKind[k] = (totals.byKind[k] ?? 0) + 1;
      } else {
        totals.invalid++;
        if (d.unknownKind) totals.unknownKind++;
        if (d.unsupportedApiVersion) totals.unsupportedApiVersion++;
      }
      for (const r of d.relations ?? []) if (r.targetMissing) totals.relationsDangling++;
    }
  }
  const sortObj = o => Object.fromEntries(Object.entries(o).sort(([a], [b]) => cmp(a, b)));
  totals.byKind = sortObj(totals.byKind);
  totals.byKindAll = sortObj(totals.byKindAll);
  totals.byStage = sortObj(totals.byStage);

  const invalidFiles = outFiles
    .filter(f => /(^|\/)INVALID-[^/]*$/.test(f.file))
    .map(f => ({
      file: f.file,
      documents: f.documents.map(d => ({ index: d.index, ref: d.ref, valid: d.valid, errors: d.errors })),
    }));
  const invalidDocuments = [];
  const unknownKinds = {};
  for (const f of outFiles) {
    for (const d of f.documents) {
      if (d.valid) continue;
      invalidDocuments.push({ file: f.file, index: d.index, ref: d.ref, stage: d.stage ?? 'parse', errors: d.errors });
      if (d.unknownKind) {
        (unknownKinds[d.kind] ??= []).push({ file: f.file, index: d.index, ref: d.ref, stage: d.stage });
      }
    }
  }
  const mismatches = all.filter(a => a.info.crossCheckMismatch).length;

  const output = {
    generatedBy: {
      script: 'tests/compat/backstage-reference/reference.mjs',
      packages: Object.fromEntries(PACKAGES.map(p => [p, pkgVersion(p)])),
      corpus: 'shared/corpus/backstage',
      policies: POLICIES.map(([n]) => n),
      validators: [...BUILTIN_VALIDATORS, ...PLUGIN_VALIDATORS].map(([n]) => n),
      alphaValidatorsInformationalOnly: ALPHA_VALIDATORS.map(([n]) => n),
      knownKinds: Object.fromEntries(
        [...KNOWN_KINDS.entries()].sort(([a], [b]) => cmp(a, b)).map(([k, v]) => [k, [...v].sort(cmp)]),
      ),
      relationProcessors: ['BuiltinKindsEntityProcessor', 'ScaffolderEntitiesProcessor'],
      skeletonMarkers: SKELETON_RE.map(String),
      orchestratorCrossCheckMismatches: mismatches,
    },
    totals,
    conflicts,
    unknownKinds: sortObj(unknownKinds),
    invalidFiles,
    invalidDocuments,
    files: outFiles,
  };
  const text = `${JSON.stringify(output, null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (current !== text) {
      process.stderr.write(`${OUT} is out of date: regenerate with 'npm run generate'\n`);
      process.exit(1);
    }
    process.stdout.write(`${OUT} is up to date\n`);
    return;
  }
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), OUT) || OUT}\n${JSON.stringify(totals, null, 2)}\n`);
  if (mismatches) {
    process.stderr.write(`WARNING: ${mismatches} document(s) where the orchestrator disagrees with the policy/validator pipeline\n`);
  }
}

main().catch(e => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
