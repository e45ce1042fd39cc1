/**
 * Fields worked out when first read (an item's subheads, an article's text read from the cache), defined so that
 * V8 keeps the objects that have them in its fast mode.
 *
 * An object literal with a getter (`{ get body() { … } }`) or a getter defined on each object with a closure of its
 * own puts each object in dictionary mode: about 0.8 KB more per object, and slower to read and to collect. At
 * 40,000 articles a build held four such objects an article (the item, the article as shown, its text, the article
 * read from the cache). A {@link LazyField} has one getter for every object, which finds what it needs in two
 * hidden slots of the object (symbol keys: not enumerable, so neither JSON nor `Object.keys` sees them), and the
 * objects share their shapes.
 *
 * The field itself is an own enumerable accessor in the place it is defined among the object's fields, as the
 * getter of a literal is: `JSON.stringify`, `Object.keys` and a spread see it and its value, in the same order.
 */

/** Defines one lazily worked out field, `name`, on objects (see the module comment). */
export interface LazyField<S> {
  /**
   * Define the field on `target` after the fields it has now: its value is `compute(source)`, worked out once, when
   * first read. Define the same fields in the same order on every object of a kind, so that they share a shape.
   * @returns `target`
   */
  define<T extends object>(target: T, source: S): T;
}

/** Not worked out yet. */
const NOT_YET: unique symbol = Symbol('not worked out yet');

/**
 * A lazily worked out field `name` whose value is `compute(source)` (see {@link LazyField}).
 * @param compute called at most once per object, with the `source` given to `define`; what it throws reaches the
 *   reader, and the next read calls it again
 */
export function lazyField<S, V>(name: string, compute: (source: S) => V): LazyField<S> {
  const sourceSlot = Symbol(`${name}: source`);
  const valueSlot = Symbol(`${name}: value`);
  type Slots = Record<typeof sourceSlot, S> & Record<typeof valueSlot, V | typeof NOT_YET>;
  const hidden = { enumerable: false, writable: true, configurable: true };
  // One descriptor (one getter function) for every object: the objects share their shape.
  const field: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: Slots): V {
      const known = this[valueSlot];
      if (known !== NOT_YET) return known;
      const value = compute(this[sourceSlot]);
      this[valueSlot] = value;
      // The source is let go of once the value is known (a page's loader of text, say).
      this[sourceSlot] = undefined as S;
      return value;
    },
  };
  return {
    define(target, source) {
      Object.defineProperty(target, sourceSlot, { ...hidden, value: source });
      Object.defineProperty(target, valueSlot, { ...hidden, value: NOT_YET });
      return Object.defineProperty(target, name, field);
    },
  };
}
