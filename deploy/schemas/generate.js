#!/usr/bin/env node
'use strict';
// Writes the JSON schemas that kubeconform validates the Helm chart against, offline, for exactly the kinds the
// chart renders (KINDS below: add one when the chart gains a kind, the deploy test names a missing one). The source
// is the Kubernetes OpenAPI v2 spec of the k8s.io/kubernetes module (api/openapi-spec/swagger.json) at the version
// below, fetched through the Go module proxy (`go mod download`), so no other site is needed.
// Each schema is standalone (the definitions it reaches are copied under `definitions`) and strict (objects accept
// no property the API does not define: a misspelt field fails), in kubeconform's file naming
// `<kind>[-<group>]-<version>.json`. Also converts what JSON schema cannot read from OpenAPI: int-or-string and
// Quantity (a string or a number in YAML).
//   node deploy/schemas/generate.js        (then commit deploy/schemas/*.json)
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const KUBERNETES_MODULE = 'k8s.io/kubernetes@v1.37.2';

/** [group ('' = core), version, kind] of every kind the chart renders. @type {[string, string, string][]} */
const KINDS = [
  ['', 'v1', 'ConfigMap'],
  ['', 'v1', 'Service'],
  ['apps', 'v1', 'Deployment'],
  ['apps', 'v1', 'StatefulSet'],
  ['autoscaling', 'v2', 'HorizontalPodAutoscaler'],
  ['batch', 'v1', 'Job'],
  ['networking.k8s.io', 'v1', 'NetworkPolicy'],
  ['policy', 'v1', 'PodDisruptionBudget'],
];

const REF = '#/definitions/';
const INT_OR_STRING = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
const QUANTITY = { oneOf: [{ type: 'string' }, { type: 'number' }] };

/** @param {[string, string, string]} gvk */
function fileName([group, version, kind]) {
  return `${kind.toLowerCase()}${group ? '-' + group.split('.')[0] : ''}-${version}.json`;
}

function loadSpec() {
  const info = JSON.parse(execFileSync('go', ['mod', 'download', '-json', KUBERNETES_MODULE], { encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=mod' } }));
  if (info.Error) throw new Error(`go mod download ${KUBERNETES_MODULE}: ${info.Error}`);
  return JSON.parse(fs.readFileSync(path.join(info.Dir, 'api', 'openapi-spec', 'swagger.json'), 'utf8'));
}

/** A definition made JSON-schema-valid and strict; refs kept (they point into the same file's definitions). */
function convert(name, schema) {
  if (name === 'io.k8s.apimachinery.pkg.api.resource.Quantity') return { ...QUANTITY };
  const walk = (s) => {
    if (Array.isArray(s)) return s.map(walk);
    if (!s || typeof s !== 'object') return s;
    if (s.format === 'int-or-string') {
      const { type: _type, format: _format, ...rest } = s;
      return { ...rest, ...INT_OR_STRING };
    }
    const out = {};
    for (const [k, v] of Object.entries(s)) {
      // Descriptions are the API reference, three quarters of the bytes, and no part of a check.
      if (k === 'description' && typeof v === 'string') continue;
      out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v).map(([p, ps]) => [p, walk(ps)])) : walk(v);
    }
    if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
    return out;
  };
  return walk(schema);
}

function refsOf(schema, found = new Set()) {
  if (Array.isArray(schema)) schema.forEach((s) => refsOf(s, found));
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(REF)) found.add(v.slice(REF.length));
      else refsOf(v, found);
    }
  }
  return found;
}

function schemaFor(spec, [group, version, kind]) {
  const root = Object.entries(spec.definitions).find(([, d]) => (d['x-kubernetes-group-version-kind'] ?? []).some((g) => g.group === group && g.version === version && g.kind === kind));
  if (!root) throw new Error(`${KUBERNETES_MODULE} defines no ${group || 'core'}/${version} ${kind}`);
  const definitions = {};
  const todo = [...refsOf(root[1])];
  while (todo.length) {
    const name = todo.pop();
    if (definitions[name]) continue;
    definitions[name] = convert(name, spec.definitions[name]);
    todo.push(...refsOf(spec.definitions[name]));
  }
  const apiVersion = group ? `${group}/${version}` : version;
  const top = convert(root[0], root[1]);
  // A manifest must name this very kind and version (kubeconform picks the file by them; this says it again).
  top.properties = { ...top.properties, apiVersion: { ...top.properties.apiVersion, enum: [apiVersion] }, kind: { ...top.properties.kind, enum: [kind] } };
  top.required = [...new Set([...(top.required ?? []), 'apiVersion', 'kind', 'metadata'])];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: `${group || 'core'}/${version} ${kind} from ${KUBERNETES_MODULE} api/openapi-spec/swagger.json by deploy/schemas/generate.js; strict`,
    ...top,
    definitions: Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]])),
  };
}

function main() {
  const spec = loadSpec();
  for (const old of fs.readdirSync(__dirname).filter((f) => f.endsWith('.json'))) fs.rmSync(path.join(__dirname, old));
  for (const k of KINDS) {
    const file = path.join(__dirname, fileName(k));
    fs.writeFileSync(file, JSON.stringify(schemaFor(spec, k)) + '\n');
    process.stderr.write(`${path.basename(file)}: ${fs.statSync(file).size} bytes\n`);
  }
}

module.exports = { KINDS, KUBERNETES_MODULE, fileName };

if (require.main === module) main();
