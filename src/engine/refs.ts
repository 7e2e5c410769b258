/**
 * References to what AWS returns while a plan runs. A string "{{name.Path.To.Field}}" in an action's
 * input stands for that field of the response to the earlier action of the same plan whose `ref` is
 * `name`; in an undo, "{{self.Field}}" is the response to the action itself. Ids AWS chooses (a
 * baseline, a flow log, a key) travel this way: the executor (src/engine/apply.ts) fills them in, the
 * planner (src/engine/plan.ts) refuses a reference to a later or missing action, and the plan text
 * shows them as "<Field from the change name>". Plans saved before names existed say "{{stepN.…}}"
 * (action N, 1-based); they are still understood.
 */

export const REF = /^\{\{(self|step(\d+)|([a-z][a-z0-9-]*))\.([A-Za-z0-9_.]+)\}\}$/;

/** "{{name.Path}}": the field `path` of the response to the action named `name`. */
export const responseRef = (name: string, path: string): string => `{{${name}.${path}}}`;

/** What a reference names: the action's position (-1 for `self` or a name no action has), the field's path, the name. */
export function refTarget(actions: readonly { readonly ref?: string }[], value: string): { index: number; path: string; name: string } | undefined {
  const m = REF.exec(value);
  if (!m) return undefined;
  const name = m[1] as string;
  const index = name === 'self' ? -1 : m[2] !== undefined ? Number(m[2]) - 1 : actions.findIndex((a) => a.ref === name);
  return { index, path: m[4] as string, name };
}
