/**
 * Builds a JSON Schema (draft 2020-12) for one OCSF event class from the OCSF schema's own source
 * files (dictionary.json, events/, objects/, profiles/), vendored unchanged under
 * test/fixtures/ocsf/<version>/ from github.com/ocsf/ocsf-schema at the release commit.
 *
 * It follows the rules the OCSF schema server applies when it compiles a class:
 * - a class or object inherits its parent's attributes (`extends`), the child's definition of an
 *   attribute merged over the parent's; `$include` adds a profile's attributes;
 * - an attribute's type, array-ness and enum come from the dictionary, merged with the class's or
 *   object's own definition (an enum is the union, the closer definition's caption winning);
 * - an attribute from a profile counts only when that profile is applied (`profile: null` in a
 *   class makes it unconditional);
 * - `requirement: "required"` attributes are required; nothing outside the compiled attributes is
 *   allowed (additionalProperties: false), as the OCSF validator reports unknown attributes;
 * - scalar types map to JSON types with the dictionary's regex, max_len, range and values;
 *   objects become $defs (so recursive objects are fine); `constraints` at_least_one / just_one
 *   become anyOf / oneOf of required;
 * - the generic `object` type (unmapped, data, …) is an open object;
 * - class_uid, category_uid and type_uid are computed (category uid × 1000 + class uid; class_uid × 100 + activity_id).
 * Deprecated attributes stay allowed, as in the server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;
interface AttrDef {
  type?: string;
  is_array?: boolean;
  enum?: Record<string, { caption?: string }>;
  requirement?: string;
  profile?: string | null;
  [k: string]: unknown;
}

export interface CompiledOcsf {
  readonly schema: Json;
  /** Every source file read (relative to the schema folder): what the fixture folder must hold. */
  readonly files: readonly string[];
}

export function compileOcsfClass(dir: string, classPath: string, profiles: readonly string[]): CompiledOcsf {
  const files = new Set<string>();
  const read = (rel: string): Json => {
    files.add(rel);
    return JSON.parse(readFileSync(join(dir, rel), 'utf8')) as Json;
  };
  const dictionary = read('dictionary.json');
  const dictAttrs = dictionary.attributes as Record<string, AttrDef>;
  const types = (dictionary.types as Json).attributes as Record<string, Json>;
  const categories = read('categories.json').attributes as Record<string, { uid: number }>;
  const version = String(read('version.json').version);

  const merge = (base: AttrDef | undefined, over: AttrDef): AttrDef => {
    const out: AttrDef = { ...(base ?? {}), ...over };
    if (base?.enum || over.enum) out.enum = { ...(base?.enum ?? {}), ...(over.enum ?? {}) };
    return out;
  };

  /** A definition's attributes, with its `$include`d profile attributes marked with their profile. */
  const ownAttributes = (def: Json): Record<string, AttrDef> => {
    const attrs = { ...((def.attributes as Record<string, AttrDef>) ?? {}) };
    const includes = (attrs.$include as unknown as string[] | undefined) ?? [];
    delete attrs.$include;
    const out: Record<string, AttrDef> = {};
    for (const inc of includes) {
      const p = read(inc);
      for (const [name, a] of Object.entries(p.attributes as Record<string, AttrDef>)) out[name] = { ...a, profile: String(p.name) };
    }
    for (const [name, a] of Object.entries(attrs)) out[name] = merge(out[name], a);
    return out;
  };

  const objectFile = (name: string) => `objects/${name}.json`;
  /** The attributes of an object or class after inheritance. */
  const resolve = (def: Json, load: (name: string) => Json): Record<string, AttrDef> => {
    const parent = def.extends ? resolve(load(String(def.extends)), load) : {};
    const own = ownAttributes(def);
    const out = { ...parent };
    for (const [name, a] of Object.entries(own)) out[name] = merge(out[name], a);
    return out;
  };
  const applies = (a: AttrDef) => a.profile === undefined || a.profile === null || profiles.includes(a.profile);

  const defs: Record<string, Json> = {};
  const scalar = (typeName: string): Json => {
    const t = types[typeName];
    if (!t) throw new Error(`OCSF type ${typeName} is not in the dictionary`);
    const base = t.type ? scalar(String(t.type)) : {};
    const out: Json = { ...base };
    if (typeName === 'string_t') out.type = 'string';
    if (typeName === 'integer_t' || typeName === 'long_t') out.type = 'integer';
    if (typeName === 'float_t') out.type = 'number';
    if (typeName === 'boolean_t') out.type = 'boolean';
    if (t.regex) out.pattern = String(t.regex);
    if (t.max_len) out.maxLength = Number(t.max_len);
    if (Array.isArray(t.range)) [out.minimum, out.maximum] = t.range as number[];
    return out;
  };

  const attrSchema = (name: string, a: AttrDef, owner: string): Json => {
    const d = dictAttrs[name];
    if (!d) throw new Error(`${owner}.${name} is not in the OCSF dictionary`);
    const full = merge(d, a);
    const typeName = String(full.type);
    let item: Json;
    if (types[typeName]) {
      item = scalar(typeName);
      if (full.enum && (typeName === 'integer_t' || typeName === 'long_t')) item.enum = Object.keys(full.enum).map(Number);
      else if (full.enum) item.enum = Object.keys(full.enum);
    } else if (typeName === 'object') {
      // The generic Object: "an unordered collection of attributes" (unmapped, data, …), open.
      item = { type: 'object' };
    } else {
      objectDef(typeName);
      item = { $ref: `#/$defs/${typeName}` };
    }
    return full.is_array ? { type: 'array', items: item } : item;
  };

  const constraintsOf = (def: Json, out: Json) => {
    const c = def.constraints as { at_least_one?: string[]; just_one?: string[] } | undefined;
    if (c?.at_least_one) out.anyOf = c.at_least_one.map((n) => ({ required: [n] }));
    if (c?.just_one) out.oneOf = c.just_one.map((n) => ({ required: [n] }));
  };

  /** The chain's constraints: the closest definition that states some wins. */
  const constraintsIn = (def: Json, load: (name: string) => Json): Json | undefined =>
    def.constraints ? def : def.extends ? constraintsIn(load(String(def.extends)), load) : undefined;

  const loadObject = (name: string) => read(objectFile(name));
  function objectDef(name: string): void {
    if (defs[name]) return;
    defs[name] = {}; // placeholder: recursion stops here
    const def = loadObject(name);
    const attrs = Object.entries(resolve(def, loadObject)).filter(([, a]) => applies(a));
    const out: Json = {
      type: 'object',
      properties: Object.fromEntries(attrs.map(([n, a]) => [n, attrSchema(n, a, name)])),
      required: attrs.filter(([, a]) => a.requirement === 'required').map(([n]) => n),
      additionalProperties: false,
    };
    const withConstraints = constraintsIn(def, loadObject);
    if (withConstraints) constraintsOf(withConstraints, out);
    defs[name] = out;
  }

  // The class: events/<category folder>/<name>.json, extending events by name.
  const eventFiles: Record<string, string> = { base_event: 'events/base_event.json' };
  const cls = read(classPath);
  const loadEvent = (name: string): Json => {
    const file = eventFiles[name] ?? `${classPath.slice(0, classPath.lastIndexOf('/'))}/${name}.json`;
    return read(file);
  };
  const chain: Json[] = [];
  for (let d: Json | undefined = cls; d; d = d.extends ? loadEvent(String(d.extends)) : undefined) chain.push(d);
  const categoryName = chain.map((d) => d.category).find((c) => c && c !== 'other') as string | undefined;
  if (!categoryName) throw new Error(`${classPath} names no category`);
  const categoryUid = categories[categoryName]?.uid;
  if (categoryUid === undefined) throw new Error(`category ${categoryName} is not in categories.json`);
  const classUid = categoryUid * 1000 + Number(cls.uid);
  const attrs = Object.entries(resolve(cls, loadEvent)).filter(([, a]) => applies(a));
  const properties: Json = Object.fromEntries(attrs.map(([n, a]) => [n, attrSchema(n, a, String(cls.name))]));
  const activity = (properties.activity_id as Json).enum as number[];
  properties.class_uid = { type: 'integer', const: classUid };
  properties.category_uid = { type: 'integer', const: categoryUid };
  properties.type_uid = { type: 'integer', enum: activity.map((id) => classUid * 100 + id) };
  return {
    files: [...files].sort(),
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `https://schema.ocsf.io/schema/${version}/classes/${String(cls.name)}${profiles.length ? `?profiles=${profiles.join(',')}` : ''}`,
      title: `OCSF ${version} ${String(cls.caption)} (class_uid ${classUid})`,
      type: 'object',
      properties,
      required: attrs.filter(([, a]) => a.requirement === 'required').map(([n]) => n),
      additionalProperties: false,
      $defs: defs,
    },
  };
}
