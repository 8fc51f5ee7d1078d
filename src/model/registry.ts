/**
 * Bookkeeping that lets the schema emitter turn shared TypeBox definitions into named `$defs`.
 *
 * TypeBox composes by reference, so a definition reused in several places is the same object everywhere. `define`
 * names such an object; `labelled` makes a copy of a named object definition that carries its own `title` and
 * `description` (the official label of the place it is used) and remembers which definition it copies, so that the
 * emitter writes `{ "$ref": "#/$defs/Name", "title": …, "description": … }` instead of a second inline copy.
 */
import Type, { type TObject, type TOptional, type TSchema } from 'typebox'

const names = new Map<object, string>()
const copies = new WeakMap<object, object>()

/** Gives `schema` a `$defs` name in every emitted file that uses it. */
export function define<T extends TSchema>(name: string, schema: T): T {
  if ([...names.values()].includes(name)) throw new Error(`duplicate $defs name ${name}`)
  names.set(schema, name)
  return schema
}

/** A use of the named object definition `def` under its own official label. */
export function labelled<T extends TObject>(def: T, title: string, description: string): T {
  if (!names.has(def)) throw new Error('labelled() needs a definition made with define()')
  const copy = Type.Object(def.properties, { additionalProperties: false, title, description }) as unknown as T
  copies.set(copy, def)
  return copy
}

/** An optional property holding the named definition `def` (TypeBox's Optional copies the schema). */
export function optional<T extends TSchema>(def: T): TOptional<T> {
  if (!names.has(def)) throw new Error('optional() needs a definition made with define()')
  const copy = Type.Optional(def) as TOptional<T>
  copies.set(copy, def)
  return copy
}

/** Records that `copy` is a use of the named definition `def` (its own title and description may differ). */
export function useOf<T extends object>(def: object, copy: T): T {
  if (!names.has(def)) throw new Error('useOf() needs a definition made with define()')
  copies.set(copy, def)
  return copy
}

export function definitionName(schema: object): string | undefined {
  return names.get(schema)
}

export function copiedDefinition(schema: object): object | undefined {
  return copies.get(schema)
}
