import { InputError } from "../errors.js";

const NAME = /^[^\s,]{1,200}$/;

/** A login or group name: 1–200 characters, no whitespace, no comma (groups are listed with commas). */
export function checkName(kind: "login" | "group", value: string): string {
  if (!NAME.test(value)) {
    throw new InputError(
      `${kind} ${JSON.stringify(value)} is not valid: use 1–200 characters without spaces or commas`,
    );
  }
  return value;
}
