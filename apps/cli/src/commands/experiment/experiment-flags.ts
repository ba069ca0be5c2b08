import { InputError } from "@uplift/core";

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** An experiment name: letters, digits, . _ - (it names stored rows and files). */
export function experimentName(name: string): string {
  if (!NAME.test(name)) {
    throw new InputError(`--name ${name}: an experiment name is 1–100 letters, digits, ".", "_" or "-"`);
  }
  return name;
}

/** A comma-separated list flag, trimmed, without empty items. */
export function listOption(text: string, flag: string): string[] {
  const items = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new InputError(`${flag}: expected a comma-separated list`);
  return items;
}
