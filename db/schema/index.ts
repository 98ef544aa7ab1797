export * from "./accounts";
export * from "./areas";
export * from "./audit";
export * from "./imports";
export * from "./indicators";
export * from "./reference";
