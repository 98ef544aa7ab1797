export * from "./imports";
