// The library face: re-exports only.
export * from "./errors.ts";
export * from "./scenario/schema.ts";
export * from "./model/build.ts";
