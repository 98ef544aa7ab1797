export * from "./accounts";
export * from "./areas";
export * from "./audit";
export * from "./hjp";
export * from "./hjp-synthetic";
export * from "./imports";
export * from "./indicators";
export * from "./reference";
